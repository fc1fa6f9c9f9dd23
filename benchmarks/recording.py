"""The fair generation baseline: record every XlsxWriter call skpkit makes for a workbook, then replay
the same calls with bare XlsxWriter.

Recording happens in a separate, untimed run (``capture``): skpkit's writer is pointed at a
:class:`RecordingBook`, whose worksheets and charts log each public call with its arguments (formats
as their properties). The replay (``replay``) opens a plain ``xlsxwriter.Workbook`` with the same
options and the same one fast path skpkit takes (no rewriting of newer-Excel function names in cell
formulas: skpkit writes Excel 2010 functions only), and makes the same calls in the same order: every
cell with its cached value and format, merges, validations, conditional formats, defined names,
charts, protection and print setup. So the baseline does the work of the file once, with the bare
library, and nothing of skpkit's: a true lower bound.
"""

from __future__ import annotations

import gzip
import io
import pickle
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

WORKSHEET_CALLS = (
    "write_string", "write_number", "write_blank", "write_formula", "write_boolean", "write_url", "merge_range",
    "set_column", "set_row", "data_validation", "conditional_format", "freeze_panes", "protect", "print_area",
    "set_landscape", "set_paper", "set_print_scale", "fit_to_pages", "set_h_pagebreaks", "set_v_pagebreaks",
    "repeat_columns", "repeat_rows", "set_footer", "autofilter", "hide", "activate", "insert_chart",
)
CHART_CALLS = ("add_series", "set_title", "set_x_axis", "set_y_axis", "set_legend", "set_size")


class _FormatRef:
    def __init__(self, key: int) -> None:
        self.key = key


class _ChartRef:
    def __init__(self, key: int) -> None:
        self.key = key


def _encode(value: Any, book: Any) -> Any:
    if isinstance(value, Format):
        return _FormatRef(book.format_keys[id(value)])
    if isinstance(value, _RecordingChart):
        return _ChartRef(value.key)
    if isinstance(value, dict):
        return {k: _encode(v, book) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_encode(v, book) for v in value)
    return value


class _RecordingChart:
    def __init__(self, chart, key: int, book: Any) -> None:
        self.chart, self.key, self.book = chart, key, book

    def __getattr__(self, name: str):
        real = getattr(self.chart, name)
        if name not in CHART_CALLS:
            return real

        def call(*args, **kwargs):
            self.book.log.append(("chart", self.key, name, _encode(args, self.book), _encode(kwargs, self.book)))
            return real(*args, **kwargs)
        return call


class RecordingSheet:
    """Mixed into skpkit's worksheet class at capture time (see :func:`recording_book_class`)."""

    def _record(self, name, args, kwargs):
        book = self._recording_book
        book.log.append(("sheet", self.get_name(), name, _encode(args, book), _encode(kwargs, book)))


def _wrap(name: str):
    def method(self, *args, **kwargs):
        self._record(name, args, kwargs)
        if name == "insert_chart":
            args = tuple(a.chart if isinstance(a, _RecordingChart) else a for a in args)
        return getattr(super(type(self), self), name)(*args, **kwargs)
    method.__name__ = name
    return method


def recording_book_class(book_class: type) -> type:
    """A subclass of skpkit's workbook class that logs every call its sheets and charts receive."""
    sheet_base = book_class.worksheet_class
    sheet_class = type("RecSheet", (RecordingSheet, sheet_base), {name: _wrap(name) for name in WORKSHEET_CALLS})

    class RecordingBook(book_class):
        worksheet_class = sheet_class

        def __init__(self, *args, **kwargs) -> None:  # noqa: D401
            self.log: list = [("book", None, "options", (dict(self._options_for_replay()),), {})]
            self.format_keys: dict[int, int] = {}
            self.n_charts = 0
            self.recording = False  # XlsxWriter's own default format, made in __init__, is not ours
            super().__init__(*args, **kwargs)
            self.recording = True

        @staticmethod
        def _options_for_replay() -> dict:
            return {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}

        def add_worksheet(self, name=None, worksheet_class=None):
            ws = super().add_worksheet(name, worksheet_class)
            ws._recording_book = self
            self.log.append(("book", None, "add_worksheet", (ws.get_name(),), {}))
            return ws

        def add_format(self, properties=None):
            fmt = super().add_format(properties)
            if self.recording:
                self.format_keys[id(fmt)] = len(self.format_keys)
                self.log.append(("book", None, "add_format", (dict(properties or {}),), {}))
            return fmt

        def add_chart(self, options):
            chart = super().add_chart(options)
            self.n_charts += 1
            self.log.append(("book", None, "add_chart", (dict(options),), {}))
            return _RecordingChart(chart, self.n_charts - 1, self)

        def define_name(self, name, formula):
            self.log.append(("book", None, "define_name", (name, formula), {}))
            return super().define_name(name, formula)

        def add_vba_project(self, vba_project, is_stream=False):
            data = vba_project.getvalue() if is_stream else Path(vba_project).read_bytes()
            self.log.append(("book", None, "add_vba_project", (data,), {}))
            return super().add_vba_project(vba_project, is_stream)

        def set_vba_name(self, name=None):
            self.log.append(("book", None, "set_vba_name", (name,), {}))
            return super().set_vba_name(name)

    return RecordingBook


class _ReplaySheet(Worksheet):
    """Bare XlsxWriter with the one fast path skpkit takes: cell formulas are not rewritten for
    newer-Excel function names (validation and conditional-format formulas still are)."""

    def _prepare_formula(self, formula, expand_future_functions=False):
        if expand_future_functions:
            return super()._prepare_formula(formula, True)
        return formula[1:] if formula.startswith("=") else formula


class _ReplayBook(xlsxwriter.Workbook):
    worksheet_class = _ReplaySheet


def _decode(value: Any, formats: list, charts: list) -> Any:
    if isinstance(value, _FormatRef):
        return formats[value.key]
    if isinstance(value, _ChartRef):
        return charts[value.key]
    if isinstance(value, dict):
        return {k: _decode(v, formats, charts) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_decode(v, formats, charts) for v in value)
    return value


def replay(log: list, path: Path) -> None:
    """Make the calls of ``log`` with bare XlsxWriter, writing ``path``."""
    options = log[0][3][0]
    wb = _ReplayBook(str(path), options)
    sheets: dict[str, Worksheet] = {}
    formats: list = []
    charts: list = []
    for target, who, name, args, kwargs in log[1:]:
        args, kwargs = _decode(args, formats, charts), _decode(kwargs, formats, charts)
        if target == "sheet":
            getattr(sheets[who], name)(*args, **kwargs)
        elif target == "chart":
            getattr(charts[who], name)(*args, **kwargs)
        elif name == "add_worksheet":
            sheets[args[0]] = wb.add_worksheet(args[0])
        elif name == "add_format":
            formats.append(wb.add_format(args[0]))
        elif name == "add_chart":
            charts.append(wb.add_chart(args[0]))
        elif name == "add_vba_project":
            wb.add_vba_project(io.BytesIO(args[0]), is_stream=True)
        else:
            getattr(wb, name)(*args, **kwargs)
    wb.close()


def save(log: list, path: Path) -> None:
    """Store a log compressed (a 10,000-pegawai run keeps a thousand of them on disk)."""
    with gzip.open(path, "wb", compresslevel=3) as f:
        pickle.dump(log, f, protocol=pickle.HIGHEST_PROTOCOL)


def load(path: Path) -> list:
    with gzip.open(path, "rb") as f:
        return pickle.load(f)


def capture(plan, path: Path) -> list:
    """Write ``plan`` with skpkit's writer into ``path``, recording every XlsxWriter call: the log."""
    import skpkit.generator.write.workbook as writer

    original = writer.Book
    recording = recording_book_class(original)
    books: list = []

    class Capturing(recording):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            books.append(self)

    writer.Book = Capturing
    try:
        writer.write_workbook(plan, path)
    finally:
        writer.Book = original
    return books[0].log
