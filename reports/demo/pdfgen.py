"""Generated PDFs with real text, for demo content and tests (needs fpdf2, a dev package)."""

PAGE_COLOURS = ((11, 79, 108), (224, 165, 38), (63, 126, 68), (197, 25, 45))


def _latin1(text):
    """fpdf2's core fonts speak Latin-1: Norwegian and Spanish letters fit, dashes do not."""
    replacements = {"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "..."}
    for old, new in replacements.items():
        text = text.replace(old, new)
    return text.encode("latin-1", "replace").decode("latin-1")


def pdf_bytes(title, paragraphs=(), *, pages=3, subtitle="", colour=0, user_password=None):
    """A PDF whose first page is a cover and whose other pages carry ``paragraphs``."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_title(_latin1(title))
    if user_password:
        pdf.set_encryption(owner_password=user_password + "-owner", user_password=user_password)
    pdf.add_page()
    pdf.set_fill_color(*PAGE_COLOURS[colour % len(PAGE_COLOURS)])
    pdf.rect(0, 0, 210, 297, style="F")
    pdf.set_fill_color(255, 255, 255)
    pdf.ellipse(110, 40, 80, 80, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("Helvetica", "B", 30)
    pdf.set_xy(15, 150)
    pdf.multi_cell(180, 13, _latin1(title), align="L")
    if subtitle:
        pdf.set_font("Helvetica", "", 16)
        pdf.set_x(15)
        pdf.multi_cell(180, 8, _latin1(subtitle), align="L")
    pdf.set_text_color(30, 36, 48)
    body = list(paragraphs) or [title]
    for number in range(2, pages + 1):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 16)
        pdf.cell(0, 10, _latin1(f"{number - 1}. {title}"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        start = (number - 2) % len(body)
        for paragraph in (body[start:] + body[:start])[:2]:
            pdf.multi_cell(0, 6, _latin1(paragraph), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        pdf.set_auto_page_break(auto=False)
        pdf.set_y(-15)
        pdf.set_font("Helvetica", "", 9)
        pdf.cell(0, 10, str(number), align="C")
        pdf.set_auto_page_break(auto=True, margin=20)
    return bytes(pdf.output())
