"""Full-text search: one stored, indexed vector per language on each content model.

``fields``: the generated columns; ``query``: what the visitor typed; ``expressions``:
SQL of matching, headlines and each type's columns; ``sql``: the cached, checked SQL
and its runner; ``results``: a search and its pages.
"""

from norec_site.search.expressions import SearchType, search_types
from norec_site.search.fields import SEARCH_CONFIGS, search_indexes, search_vector_field
from norec_site.search.query import MAX_QUERY_LENGTH, ParsedQuery, parse_query
from norec_site.search.results import PAGE_SIZE, Hit, Search, SearchResults, page_number

__all__ = [
    "MAX_QUERY_LENGTH",
    "PAGE_SIZE",
    "SEARCH_CONFIGS",
    "Hit",
    "ParsedQuery",
    "Search",
    "SearchResults",
    "SearchType",
    "page_number",
    "parse_query",
    "search_indexes",
    "search_types",
    "search_vector_field",
]
