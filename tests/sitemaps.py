"""The sitemap as one document: /sitemap.xml itself while it is whole, else the index's
sections, every page of each, read in order."""

from urllib.parse import urlsplit

from lxml import etree

NAMESPACES = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def section_addresses(client):
    """The path and query of each section page the index at /sitemap.xml lists."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    index = etree.fromstring(response.content)
    assert index.tag == f"{{{NAMESPACES['s']}}}sitemapindex"
    addresses = []
    for loc in index.findall("s:sitemap/s:loc", NAMESPACES):
        parts = urlsplit(loc.text)
        addresses.append(f"{parts.path}?{parts.query}" if parts.query else parts.path)
    return addresses


def sitemap_document(client):
    """Every section page's <url> entries in one <urlset>, as bytes."""
    whole = client.get("/sitemap.xml")
    assert whole.status_code == 200
    if etree.fromstring(whole.content).tag == f"{{{NAMESPACES['s']}}}urlset":
        return whole.content
    merged = None
    for address in section_addresses(client):
        response = client.get(address)
        assert response.status_code == 200, address
        page = etree.fromstring(response.content)
        if merged is None:
            merged = page
        else:
            merged.extend(page.findall("s:url", NAMESPACES))
    return etree.tostring(merged, encoding="utf-8")
