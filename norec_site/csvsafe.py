"""CSV that spreadsheets open as data, never as formulas (OWASP CSV injection).

A text cell that begins with =, +, -, @, a tab or a carriage return would be run as
a formula by Excel, LibreOffice or Google Sheets; a leading apostrophe makes it text.
Numbers, dates and empty cells are written as they are. Every CSV export uses this.
"""

import csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """``csv.writer`` whose rows are neutralised first."""

    def __init__(self, stream, **options):
        self._writer = csv.writer(stream, **options)

    def writerow(self, row):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)
