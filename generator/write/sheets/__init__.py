"""One module per sheet of a skpkit workbook; each writes its sheet from a :class:`~.context.Context`."""
