"""Small horizontal bar charts drawn on the server as SVG, with their numbers as a table."""

BAR_HEIGHT = 18
GAP = 8
LABEL_WIDTH = 165
BAR_AREA = 150
WIDTH = LABEL_WIDTH + BAR_AREA + 35


SHORT_LABEL = 24  # characters that fit in LABEL_WIDTH at the chart's font size


def bar_chart(rows):
    """Geometry for ``rows`` of (label, count, colour); the template draws it.

    Long labels are shortened in the picture; the table beside it has them whole.
    """
    rows = [row for row in rows if row[1]]
    largest = max((count for _label, count, _colour in rows), default=0)
    bars = []
    for index, (label, count, colour) in enumerate(rows):
        label = str(label)
        y = index * (BAR_HEIGHT + GAP)
        width = max(2, round(BAR_AREA * count / largest)) if largest else 0
        bars.append(
            {
                "label": label,
                "short_label": (
                    label if len(label) <= SHORT_LABEL else f"{label[: SHORT_LABEL - 1]}…"
                ),
                "count": count,
                "colour": colour,
                "y": y,
                "text_y": y + BAR_HEIGHT - 4,
                "width": width,
                "count_x": LABEL_WIDTH + width + 6,
            }
        )
    return {
        "bars": bars,
        "width": WIDTH,
        "height": max(len(bars) * (BAR_HEIGHT + GAP) - GAP, 0),
        "label_width": LABEL_WIDTH,
        "label_x": LABEL_WIDTH - 8,
        "bar_height": BAR_HEIGHT,
    }
