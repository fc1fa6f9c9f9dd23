"""A small spreadsheet engine for the functions skpkit's native formulas use, so that a formula that
drifts from the Python rules fails on every laptop, without LibreOffice.

It parses formulas with openpyxl's tokenizer and evaluates them with Excel's (and LibreOffice's)
semantics for what the workbook uses: blank cells, text/number comparison (text compares without
case), coercion in arithmetic, error values and their propagation, ranges, defined names, other
sheets, and the functions of :data:`FUNCTIONS`. Anything else raises :class:`Unsupported`, so a new
function in a formula fails loudly instead of being guessed.
"""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from openpyxl.formula.tokenizer import Token, Tokenizer
from xlsxwriter.utility import xl_cell_to_rowcol, xl_rowcol_to_cell

from skpkit.generator.read.cells import read_cells
from skpkit.generator.read.package import defined_names


class Unsupported(Exception):
    """A formula uses syntax or a function this engine does not implement."""


@dataclass(frozen=True)
class XlError:
    code: str

    def __str__(self) -> str:
        return self.code


NA, VALUE, DIV0, NAME, REF, NUM = (XlError(c) for c in ("#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#REF!", "#NUM!"))


@dataclass
class Range:
    sheet: str
    r0: int
    c0: int
    r1: int
    c1: int

    def cells(self) -> list[tuple[int, int]]:
        return [(r, c) for r in range(self.r0, self.r1 + 1) for c in range(self.c0, self.c1 + 1)]

    @property
    def shape(self) -> tuple[int, int]:
        return self.r1 - self.r0 + 1, self.c1 - self.c0 + 1


class Array(list):
    """Values of a range or an elementwise result, row-major, with its shape."""

    def __init__(self, values, shape: tuple[int, int]):
        super().__init__(values)
        self.shape = shape


# --- parsing ---------------------------------------------------------------------------------

_REF = re.compile(r"^(?:'((?:[^']|'')+)'!|([^'!]+)!)?(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?$")
_PREC = {":": 8, "^": 5, "*": 4, "/": 4, "+": 3, "-": 3, "&": 2, "=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1}


def parse(formula: str):
    """The formula as a tree of tuples: ('num', x) ('str', s) ('bool', b) ('ref', text) ('name', n)
    ('call', NAME, [args]) ('op', op, a, b) ('neg', a)."""
    tokens = [t for t in Tokenizer("=" + formula.lstrip("=")).items if t.type != Token.WSPACE]
    pos = 0

    def peek():
        return tokens[pos] if pos < len(tokens) else None

    def take():
        nonlocal pos
        pos += 1
        return tokens[pos - 1]

    def primary():
        t = take()
        if t.type == Token.OP_PRE:
            node = expr(6)
            return ("neg", node) if t.value == "-" else node
        if t.type == Token.PAREN and t.value == "(":
            node = expr(0)
            if take().value != ")":
                raise Unsupported(formula)
            return node
        if t.type == Token.FUNC and t.subtype == Token.OPEN:
            name, args = t.value[:-1].upper(), []
            if peek().type == Token.FUNC and peek().subtype == Token.CLOSE:
                take()
                return ("call", name, args)
            while True:
                args.append(expr(0))
                t2 = take()
                if t2.type == Token.FUNC and t2.subtype == Token.CLOSE:
                    return ("call", name, args)
                if not (t2.type == Token.SEP and t2.subtype == Token.ARG):
                    raise Unsupported(f"{formula}: {t2.value}")
        if t.type == Token.OPERAND:
            if t.subtype == Token.NUMBER:
                return ("num", float(t.value))
            if t.subtype == Token.TEXT:
                return ("str", t.value[1:-1].replace('""', '"'))
            if t.subtype == Token.LOGICAL:
                return ("bool", t.value.upper() == "TRUE")
            if t.subtype == Token.RANGE:
                return ("ref", t.value) if _REF.match(t.value) else ("name", t.value)
        raise Unsupported(f"{formula}: {t.type} {t.value}")

    def expr(min_prec: int):
        left = primary()
        while True:
            t = peek()
            if t is None or t.type != Token.OP_IN:
                return left
            if t.value not in _PREC:
                raise Unsupported(f"{formula}: operator {t.value}")
            if _PREC[t.value] < min_prec:
                return left
            op = take().value
            left = ("op", op, left, expr(_PREC[op] + 1))  # left-associative

    tree = expr(0)
    if pos != len(tokens):
        raise Unsupported(formula)
    return tree


# --- values --------------------------------------------------------------------------------------

def _blank(v) -> bool:
    return v is None


def _number(v):
    """A value in arithmetic: blank 0, bool 0/1, numeric text its number, other text #VALUE!."""
    if isinstance(v, XlError):
        return v
    if v is None:
        return 0.0
    if isinstance(v, bool):
        return float(v)
    if isinstance(v, (int, float)):
        return float(v)
    try:
        return float(str(v).strip())
    except ValueError:
        return VALUE


def _text(v) -> str | XlError:
    if isinstance(v, XlError):
        return v
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):  # as a spreadsheet shows a number in text: 15 significant digits
        return f"{v:.15G}"
    return str(v)


def _truth(v):
    if isinstance(v, XlError):
        return v
    if v is None:
        return False
    if isinstance(v, (bool, int, float)):
        return bool(v)
    if str(v).upper() in ("TRUE", "FALSE"):
        return str(v).upper() == "TRUE"
    return VALUE


def _rank(v) -> int:
    return 1 if isinstance(v, (int, float)) and not isinstance(v, bool) else 2 if isinstance(v, str) else 3


def _compare(op: str, a, b):
    if isinstance(a, XlError):
        return a
    if isinstance(b, XlError):
        return b
    if a is None:
        a = "" if isinstance(b, str) else False if isinstance(b, bool) else 0.0
    if b is None:
        b = "" if isinstance(a, str) else False if isinstance(a, bool) else 0.0
    ka, kb = _rank(a), _rank(b)
    if ka != kb:
        x, y = ka, kb
    elif isinstance(a, str):
        x, y = a.casefold(), b.casefold()
    else:
        x, y = a, b
    return {"=": x == y, "<>": x != y, "<": x < y, ">": x > y, "<=": x <= y, ">=": x >= y}[op]


def _arith(op: str, a, b):
    if op == "&":
        ta, tb = _text(a), _text(b)
        return ta if isinstance(ta, XlError) else tb if isinstance(tb, XlError) else ta + tb
    if op in ("=", "<>", "<", ">", "<=", ">="):
        return _compare(op, a, b)
    x, y = _number(a), _number(b)
    if isinstance(x, XlError):
        return x
    if isinstance(y, XlError):
        return y
    if op == "/" and y == 0:
        return DIV0
    if op == "^":
        return x ** y if x or y >= 0 else DIV0
    return {"+": lambda: x + y, "-": lambda: x - y, "*": lambda: x * y, "/": lambda: x / y}[op]()


def _elementwise(fn: Callable, a, b):
    if isinstance(a, Array) or isinstance(b, Array):
        shape = a.shape if isinstance(a, Array) else b.shape
        n = shape[0] * shape[1]
        aa = a if isinstance(a, Array) else [a] * n
        bb = b if isinstance(b, Array) else [b] * n
        if len(aa) != len(bb):
            return NA
        return Array([fn(x, y) for x, y in zip(aa, bb)], shape)
    return fn(a, b)


def _flat(v) -> list:
    return list(v) if isinstance(v, Array) else [v]


def _criteria_match(value, criteria) -> bool:
    """COUNTIF's test for a plain criteria (no operator, no wildcard): equality without case."""
    if isinstance(criteria, str):
        if criteria[:1] in "<>=" or any(ch in criteria for ch in "*?~"):
            raise Unsupported(f"COUNTIF criteria {criteria!r}")
        return isinstance(value, str) and value.casefold() == criteria.casefold()
    if value is None or isinstance(value, (str, bool)):
        return False
    return float(value) == float(criteria)


class Workbook:
    """A written workbook: every stored cell and defined name, evaluated on demand."""

    def __init__(self, path: Path, sheets: set[str] | None = None, udfs: dict[str, Callable] | None = None) -> None:
        self.cells = read_cells(path, sheets)
        self.names = defined_names(path)
        #: add-in functions: NAME -> callable taking the arguments as Excel passes them (a value for one
        #: cell or an expression, a tuple of row tuples for a range) and returning rows
        self.udfs = udfs or {}
        self.memo: dict[tuple[str, int, int], Any] = {}
        self.trees: dict[str, Any] = {}

    # --- cells and references ---------------------------------------------------------------
    def value(self, sheet: str, r: int, c: int):
        key = (sheet, r, c)
        if key in self.memo:
            return self.memo[key]
        cell = self.cells.get(sheet, {}).get((r, c))
        if cell is None:
            out = None
        elif cell.formula is None:
            out = XlError(cell.value) if cell.error else cell.value
        else:
            self.memo[key] = REF  # a circular reference shows as an error, not a hang
            out = self.evaluate(cell.formula, sheet)
            if isinstance(out, Array):
                out = out[0]
        self.memo[key] = out
        return out

    def _ref(self, text: str, sheet: str):
        m = _REF.match(text)
        target = (m.group(1).replace("''", "'") if m.group(1) else m.group(2)) or sheet
        r0, c0 = xl_cell_to_rowcol(m.group(3).replace("$", ""))
        r1, c1 = xl_cell_to_rowcol(m.group(4).replace("$", "")) if m.group(4) else (r0, c0)
        return Range(target, r0, c0, r1, c1)

    def _resolve(self, rng: Range):
        if rng.shape == (1, 1):
            return self.value(rng.sheet, rng.r0, rng.c0)
        return Array([self.value(rng.sheet, r, c) for r, c in rng.cells()], rng.shape)

    # --- evaluation ---------------------------------------------------------------------------
    def evaluate(self, formula: str, sheet: str):
        if formula.startswith("shared:"):
            raise Unsupported("a shared formula (a file saved by Excel)")
        tree = self.trees.get(formula)
        if tree is None:
            tree = self.trees[formula] = parse(formula)
        return self._eval(tree, sheet)

    def _range_of(self, node, sheet: str) -> Range:
        if node[0] == "ref":
            return self._ref(node[1], sheet)
        if node[0] == "name" and node[1] in self.names:
            return Range(*self.names[node[1]])
        raise Unsupported(f"a range is needed: {node}")

    def _eval(self, node, sheet: str):
        kind = node[0]
        if kind in ("num", "str", "bool"):
            return node[1]
        if kind in ("ref", "name"):
            if kind == "name" and node[1] not in self.names:
                return NAME
            return self._resolve(self._range_of(node, sheet))
        if kind == "neg":
            v = self._eval(node[1], sheet)
            return _elementwise(lambda x, _: _arith("-", 0.0, x), v, None)
        if kind == "op":
            a, b = self._eval(node[2], sheet), self._eval(node[3], sheet)
            return _elementwise(lambda x, y: _arith(node[1], x, y), a, b)
        if node[1] in self.udfs:
            return self._udf(node[1], node[2], sheet)
        fn = FUNCTIONS.get(node[1])
        if fn is None:
            raise Unsupported(f"function {node[1]}")
        return fn(self, node[2], sheet)

    def _udf(self, name: str, args, sheet: str):
        values = []
        for a in args:
            v = self._eval(a, sheet)
            if isinstance(v, Array):
                rows, cols = v.shape
                v = tuple(tuple(v[r * cols:(r + 1) * cols]) for r in range(rows))
            values.append(v)
        out = self.udfs[name](*values)
        while isinstance(out, list) and len(out) == 1:
            out = out[0]
        if isinstance(out, list):
            raise Unsupported(f"{name} returned a range into one cell")
        return None if out == "" else out


# --- functions (each gets the workbook, its argument trees and the sheet) ---------------------------

def _args(wb: Workbook, args, sheet: str) -> list:
    return [wb._eval(a, sheet) for a in args]


def _first_error(values):
    return next((v for v in values if isinstance(v, XlError)), None)


def f_if(wb, args, sheet):
    cond = _truth(wb._eval(args[0], sheet))
    if isinstance(cond, XlError):
        return cond
    if cond:
        return wb._eval(args[1], sheet) if len(args) > 1 else True
    return wb._eval(args[2], sheet) if len(args) > 2 else False


def f_iferror(wb, args, sheet):
    v = wb._eval(args[0], sheet)
    return wb._eval(args[1], sheet) if isinstance(v, XlError) else v


def _logical(combine):
    def fn(wb, args, sheet):
        values = [x for v in _args(wb, args, sheet) for x in _flat(v) if x is not None]
        err = _first_error(values)
        if err:
            return err
        truths = [_truth(v) for v in values if not isinstance(v, str)]
        return combine(truths) if truths else VALUE
    return fn


def f_not(wb, args, sheet):
    v = _truth(wb._eval(args[0], sheet))
    return v if isinstance(v, XlError) else not v


def _each(fn, v):
    """``fn`` over each element of an array (as inside SUMPRODUCT), or over one value."""
    return Array([fn(x) for x in v], v.shape) if isinstance(v, Array) else fn(v)


def _trim(x):
    t = _text(x)
    return t if isinstance(t, XlError) else re.sub(" +", " ", t).strip(" ")


def f_trim(wb, args, sheet):
    return _each(_trim, wb._eval(args[0], sheet))


def f_substitute(wb, args, sheet):
    old, new = (_text(wb._eval(a, sheet)) for a in args[1:3])
    if len(args) > 3:
        raise Unsupported("SUBSTITUTE with an instance number")

    def sub(x):
        t = _text(x)
        return t if isinstance(t, XlError) else t.replace(old, new) if old else t
    return _each(sub, wb._eval(args[0], sheet))


def f_left(wb, args, sheet):
    t = _text(wb._eval(args[0], sheet))
    n = _number(wb._eval(args[1], sheet)) if len(args) > 1 else 1.0
    return t if isinstance(t, XlError) else n if isinstance(n, XlError) else t[:int(n)]


def f_isnumber(wb, args, sheet):
    return _each(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool), wb._eval(args[0], sheet))


def f_isna(wb, args, sheet):
    return wb._eval(args[0], sheet) == NA


def f_match(wb, args, sheet):
    mode = _number(wb._eval(args[2], sheet)) if len(args) > 2 else 1.0
    if mode != 0:
        raise Unsupported("MATCH with an approximate mode")
    rng = wb._range_of(args[1], sheet)
    values = [wb.value(rng.sheet, r, c) for r, c in rng.cells()]

    def find(x):
        if isinstance(x, XlError):
            return x
        for i, v in enumerate(values, start=1):
            if v is not None and _compare("=", x, v) is True and _rank(x) == _rank(v):
                return float(i)
        return NA
    return _each(find, wb._eval(args[0], sheet))


def f_index(wb, args, sheet):
    rng = wb._range_of(args[0], sheet)
    nums = [_number(wb._eval(a, sheet)) for a in args[1:]]
    err = _first_error(nums)
    if err:
        return err
    rows, cols = rng.shape
    if len(nums) == 1:
        i, j = (int(nums[0]), 1) if cols == 1 else (1, int(nums[0]))
    else:
        i, j = int(nums[0]), int(nums[1])
    if not (1 <= i <= rows and 1 <= j <= cols):
        return REF
    return wb.value(rng.sheet, rng.r0 + i - 1, rng.c0 + j - 1)


def f_choose(wb, args, sheet):
    i = _number(wb._eval(args[0], sheet))
    if isinstance(i, XlError):
        return i
    if not 1 <= int(i) < len(args):
        return VALUE
    return wb._eval(args[int(i)], sheet)


def _numbers(wb, args, sheet):
    """Numbers of the arguments as SUM sees them: in references (one cell or a range) only numbers
    count; any other argument is coerced (text that is not a number is #VALUE!)."""
    out = []
    for a in args:
        v = wb._eval(a, sheet)
        if a[0] in ("ref", "name") and not isinstance(v, Array):
            v = Array([v], (1, 1))
        if isinstance(v, Array):
            for x in v:
                if isinstance(x, XlError):
                    return x
                if isinstance(x, (int, float)) and not isinstance(x, bool):
                    out.append(float(x))
        else:
            if v is None:
                continue
            x = _number(v)
            if isinstance(x, XlError):
                return x
            out.append(x)
    return out


def _aggregate(fn):
    def wrapped(wb, args, sheet):
        nums = _numbers(wb, args, sheet)
        return nums if isinstance(nums, XlError) else fn(nums)
    return wrapped


def f_count(wb, args, sheet):
    n = 0
    for a in args:
        v = wb._eval(a, sheet)
        n += sum(1 for x in _flat(v) if isinstance(x, (int, float)) and not isinstance(x, bool))
    return float(n)


def f_counta(wb, args, sheet):
    n = 0
    for a in args:
        if a[0] in ("ref", "name"):
            rng = wb._range_of(a, sheet)
            # a formula cell counts even when it shows "" (as in Excel and LibreOffice)
            n += sum(1 for r, c in rng.cells() if wb.value(rng.sheet, r, c) is not None
                     or (wb.cells.get(rng.sheet, {}).get((r, c)) or (None, None))[1])
        else:
            n += sum(1 for x in _flat(wb._eval(a, sheet)) if x is not None)
    return float(n)


def f_countif(wb, args, sheet):
    pairs = [(wb._range_of(args[i], sheet), wb._eval(args[i + 1], sheet)) for i in range(0, len(args), 2)]
    first = pairs[0][0]
    n = 0
    for k in range(len(first.cells())):
        ok = True
        for rng, crit in pairs:
            r, c = rng.cells()[k]
            if not _criteria_match(wb.value(rng.sheet, r, c), crit):
                ok = False
                break
        n += ok
    return float(n)


def f_sumproduct(wb, args, sheet):
    arrays = [wb._eval(a, sheet) for a in args]
    arrays = [a if isinstance(a, Array) else Array([a], (1, 1)) for a in arrays]
    if len({len(a) for a in arrays}) > 1:
        return VALUE
    total = 0.0
    for values in zip(*arrays):
        err = _first_error(values)
        if err:
            return err
        prod = 1.0
        for v in values:
            prod *= float(v) if isinstance(v, (int, float)) else 0.0
        total += prod
    return total


def _date_part(part: str):
    def fn(wb, args, sheet):
        x = _number(wb._eval(args[0], sheet))
        if isinstance(x, XlError):
            return x
        if x < 0:
            return NUM
        day = datetime.date(1899, 12, 30) + datetime.timedelta(days=int(x))  # the 1900 system, past February 1900
        return float(getattr(day, part))
    return fn


def f_date(wb, args, sheet):
    """DATE(y, m, d) as a serial: months past 12 roll into the next year, day 0 is the month's eve."""
    y, m, d = (_number(wb._eval(a, sheet)) for a in args)
    for x in (y, m, d):
        if isinstance(x, XlError):
            return x
    years, month = divmod(int(m) - 1, 12)
    first = datetime.date(int(y) + years, month + 1, 1)
    return float((first - datetime.date(1899, 12, 30)).days + int(d) - 1)


def f_mid(wb, args, sheet):
    t = _text(wb._eval(args[0], sheet))
    start, n = (_number(wb._eval(a, sheet)) for a in args[1:3])
    for x in (t, start, n):
        if isinstance(x, XlError):
            return x
    if start < 1 or n < 0:
        return VALUE
    return t[int(start) - 1:int(start) - 1 + int(n)]


def _finder(name: str, fold: bool):
    """FIND (``fold`` False) or SEARCH (without case; its wildcards are not implemented: a needle with one
    is Unsupported)."""
    def find(wb, args, sheet):
        needle, hay = (_text(wb._eval(a, sheet)) for a in args[:2])
        if len(args) > 2:
            raise Unsupported(f"{name} with a start position")
        for x in (needle, hay):
            if isinstance(x, XlError):
                return x
        if fold:
            if any(ch in needle for ch in "?*~"):
                raise Unsupported(f"{name} with a wildcard")
            needle, hay = needle.casefold(), hay.casefold()
        i = hay.find(needle)
        return VALUE if i < 0 else float(i + 1)
    return find


f_find, f_search = _finder("FIND", False), _finder("SEARCH", True)


def f_round(wb, args, sheet):
    from skpkit.rules import bulat

    x, d = (_number(wb._eval(a, sheet)) for a in args)
    if isinstance(x, XlError) or isinstance(d, XlError):
        return x if isinstance(x, XlError) else d
    return bulat(x, int(d))


def f_fixed(wb, args, sheet):
    """FIXED as an Indonesian-locale Excel shows it (the cached values skpkit writes)."""
    from skpkit.rules import bulat
    from skpkit.rules.tampil import angka_teks

    x = _number(wb._eval(args[0], sheet))
    d = _number(wb._eval(args[1], sheet)) if len(args) > 1 else 2.0
    if isinstance(x, XlError) or isinstance(d, XlError):
        return x if isinstance(x, XlError) else d
    return angka_teks(bulat(x, int(d)), int(d))


def f_char(wb, args, sheet):
    x = _number(wb._eval(args[0], sheet))
    return x if isinstance(x, XlError) else chr(int(x))


def f_int(wb, args, sheet):
    x = _number(wb._eval(args[0], sheet))
    return x if isinstance(x, XlError) else float(math.floor(x))


def f_roundup(wb, args, sheet):
    x, d = (_number(wb._eval(a, sheet)) for a in args)
    if isinstance(x, XlError) or isinstance(d, XlError):
        return x if isinstance(x, XlError) else d
    m = 10 ** int(d)
    # round away from zero, after cleaning float noise (as spreadsheets do: 0.7*10 is 7)
    y = round(abs(x) * m, 9)
    return math.copysign(math.ceil(y) / m, x)


FUNCTIONS: dict[str, Callable] = {
    "IF": f_if, "IFERROR": f_iferror, "AND": _logical(all), "OR": _logical(any), "NOT": f_not,
    "TRIM": f_trim, "SUBSTITUTE": f_substitute, "LEFT": f_left, "ISNUMBER": f_isnumber, "ISNA": f_isna, "MATCH": f_match,
    "INDEX": f_index, "CHOOSE": f_choose, "COUNT": f_count, "COUNTA": f_counta, "COUNTIF": f_countif,
    "COUNTIFS": f_countif, "SUMPRODUCT": f_sumproduct, "INT": f_int, "ROUNDUP": f_roundup, "ROUND": f_round, "FIXED": f_fixed, "CHAR": f_char, "DATE": f_date, "MID": f_mid, "FIND": f_find,
    "SEARCH": f_search,
    "YEAR": _date_part("year"), "MONTH": _date_part("month"), "DAY": _date_part("day"),
    "SUM": _aggregate(lambda n: float(sum(n))),
    "AVERAGE": _aggregate(lambda n: sum(n) / len(n) if n else DIV0),
    "MIN": _aggregate(lambda n: min(n) if n else 0.0),
    "MAX": _aggregate(lambda n: max(n) if n else 0.0),
}


def same(got, cached) -> bool:
    """Whether an evaluated value equals the value the writer cached (blank and "" alike)."""
    if isinstance(got, XlError):
        return False
    if got in (None, "") or cached in (None, ""):
        return got in (None, "") and cached in (None, "")
    if isinstance(got, bool) or isinstance(cached, bool):
        return got == cached
    if isinstance(got, (int, float)) and isinstance(cached, (int, float)):
        return math.isclose(got, cached, rel_tol=1e-9, abs_tol=1e-9)
    return str(got) == str(cached)


def drift(path: Path, sheets: set[str] | None = None, udfs: dict[str, Callable] | None = None) -> list[str]:
    """Every formula cell of ``path`` whose evaluation differs from its cached value:
    ``'sheet!A1: formula gives X, cached Y'``."""
    wb = Workbook(path, sheets, udfs)
    out = []
    for sheet, cells in wb.cells.items():
        for (r, c), cell in cells.items():
            if cell.formula is None:
                continue
            got = wb.value(sheet, r, c)
            if not same(got, cell.value):
                out.append(f"{sheet}!{xl_rowcol_to_cell(r, c)}: formula gives {got!r}, cached {cell.value!r}")
    return out
