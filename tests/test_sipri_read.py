"""The SIPRI importer: real exports, their quirks, and malformed inputs rejected clearly."""

import hashlib

import pandas as pd
import pytest

from analysis import sipri
from analysis.cli.main import main
from analysis.contract.errors import SipriFormatError
from analysis.sipri import register as register_module
from analysis.sipri.read import REGISTER_HEADER, parse_export, read_export

PREAMBLE = """Transfers of major conventional arms from All countries  to All countries .
A '?' in a column indicates uncertain data.
An empty field for 'Number ordered' indicates that data is not yet available.
SIPRI trend-indicator values (TIVs) are in millions.
An empty field for 'SIPRI TIV for total order' indicates that data is not available.
A '0' for 'SIPRI TIV of delivered weapons' indicates that the volume is between 0 and 0.5.
Figures may not add up to stated totals due to the conventions of rounding.
For the method see <https://www.sipri.org/databases/armstransfers/sources-and-methods>.

Source: SIPRI Arms Transfers Database (c) SIPRI.
Data generated: 13 Mar 2025 10:02:49 AM
"""
HEADER = ",".join(REGISTER_HEADER)
ROWS = [
    "Mali,Russia,2020,,4,,Mi-17,transport helicopter,4,,2021,New,Mi-171Sh armed version,7.25,29,29",
    "Mali,Russia,2016,?,4,?,Mi-35M,combat helicopter,4,?,2017; 2019; 2020,New,,11.5,46,46",
    "Mali,France,2019,,2,,Bü-181 Bestmann,trainer aircraft,2,,2019,Second hand,Aid,0.1,0.2,0",
    "Libya HoR*,UAE,2016,?,5,,Wärtsilä,ship engine,5,,2017,New,For patrol boats,1,5,5",
]


def register(rows=ROWS, header=HEADER, preamble=PREAMBLE, encoding="cp1252", newline="\n"):
    text = preamble + header + "\n" + "\n".join(rows) + "\n"
    return text.replace("\n", newline).encode(encoding)


VALUE_TABLE = """Volume of transfers of major arms
Figures are in millions of SIPRI trend-indicator values (TIVs).

Source: SIPRI Arms Transfers Database (c) SIPRI.
Data generated: 13 Oct 2024 12:33:29 PM

Recipient,2020,2021,2022,2020-2022,Percentage,Sum total years,Percentage of total
Mali,30,0 ,25,55,60%,55,60%
Algeria,,12,,12,13%,12,13%
Total world import,30,12,25,67,100%,67,100%
"""


# --- the happy path on small files -------------------------------------------------------

def test_parse_export_reads_a_cp1252_register_into_typed_columns():
    e = parse_export(register(), "reg.csv")
    assert e.kind == "register" and e.vintage == "2025-03-13"
    f = e.frame
    assert list(f["designation"])[2:] == ["Bü-181 Bestmann", "Wärtsilä"]
    assert f["order_year"].dtype == "Int64" and f["tiv_delivered_musd"].dtype == "Float64"
    assert list(f["order_year_uncertain"]) == [False, True, False, True]
    assert list(f["number_delivered_uncertain"]) == [False, True, False, False]
    assert list(f["line"]) == [13, 14, 15, 16]


def test_parse_export_flags_zero_tiv_as_under_half_and_non_state_recipients():
    f = parse_export(register(), "reg.csv").frame
    assert list(f["tiv_below_half"]) == [False, False, True, False]
    assert list(f["non_state"]) == [False, False, False, True]


def test_parse_export_joins_a_comment_split_over_two_lines_and_reports_it():
    broken = ROWS[:1] + [
        "Mali,Russia,2016,?,4,?,Mi-35M,combat helicopter,4,?,2017; 2019; 2020,New,delayed\r",
        ",11.5,46,46",
    ] + ROWS[2:]
    e = parse_export(register(broken), "reg.csv")
    assert e.repairs == [14]
    assert len(e.frame) == 4
    assert e.frame.loc[1, "comments"] == "delayed"
    assert e.frame.loc[1, "tiv_delivered_musd"] == 46


def test_parse_export_reads_a_quoted_field_with_a_comma_as_one_field():
    # SIPRI quotes nothing, but a file resaved by a spreadsheet may: the csv module reads it
    rows = [ROWS[0].replace("Mi-171Sh armed version", '"armed, Mi-171Sh"')] + ROWS[1:]
    f = parse_export(register(rows), "reg.csv").frame
    assert f.loc[0, "comments"] == "armed, Mi-171Sh" and len(f) == 4


def test_parse_export_keeps_a_lone_carriage_return_inside_a_field():
    rows = [ROWS[0].replace("armed version", "armed\rversion")] + ROWS[1:]
    f = parse_export(register(rows), "reg.csv").frame
    assert f.loc[0, "comments"] == "Mi-171Sh armed\rversion" and len(f) == 4


@pytest.mark.parametrize("accents", [0, 2000])
def test_parse_export_reads_cp1252_with_few_or_many_accented_letters(accents):
    # few: only the non-ASCII bytes are converted; many: the codec converts the whole file
    preamble = PREAMBLE.replace("Source:", "é" * accents + "\nSource:") if accents else PREAMBLE
    e = parse_export(register(preamble=preamble), "reg.csv")
    assert list(e.frame["designation"])[2:] == ["Bü-181 Bestmann", "Wärtsilä"]
    with pytest.raises(SipriFormatError, match=r"line \d+: byte 0x9d is neither"):
        parse_export(register(preamble=preamble).replace(b"Mali,France", b"Mali\x9d,France"),
                     "reg.csv")


def test_parse_export_reads_utf8_with_bom_and_crlf_the_same_as_cp1252_lf():
    a = parse_export(register(), "a.csv").frame
    b = parse_export(b"\xef\xbb\xbf" + register(encoding="utf-8", newline="\r\n"), "b.csv").frame
    pd.testing.assert_frame_equal(a, b)


def test_parse_export_reads_a_value_table_long_with_under_half_flags_and_totals():
    e = parse_export(VALUE_TABLE.encode(), "imports.csv")
    assert e.kind == "import-values"
    mali = e.frame[e.frame["party"] == "Mali"]
    assert mali["tiv_musd"].tolist() == [30, 0, 25]
    assert mali["tiv_below_half"].tolist() == [False, True, False]
    assert e.totals.loc[2022] == 25
    assert "Algeria" in set(e.frame["party"]) and len(e.frame) == 4  # empty cells dropped


# --- malformed inputs: a clear error, and no numbers ----------------------------------------

def _bad_header(old, new):
    return HEADER.replace(old, new)


MALFORMED = {
    "empty file": (b"", "the file is empty"),
    "only blank lines": (b"\n\n  \n", "the file is empty"),
    "binary junk": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "binary data"),
    "not a SIPRI file": (b"name,age\nAda,36\n", "not a SIPRI Arms Transfers Database export"),
    "bytes neither utf-8 nor cp1252": (register().replace(b"Mi-17", b"Mi\x81-17"),
                                       "line 13: byte 0x81 is neither UTF-8 nor cp1252"),
    "garbled generated date": (register(preamble=PREAMBLE.replace("13 Mar 2025", "13/03/25")),
                               "line 11: '13/03/25 10:02:49 AM' is not a date"),
    "preamble only": (PREAMBLE.encode(), "ends before the table header"),
    "header but no rows": (register(rows=[]), "line 12: the Trade Register has a header but no"),
    "truncated mid-row": (register(ROWS[:1] + [ROWS[1][:40]]),
                          "line 14: expected 16 fields, found 8"),
    "non-numeric TIV": (register([ROWS[0].replace(",29,29", ",29,n/a")]),
                        "line 13, column SIPRI TIV of delivered weapons: 'n/a' is not a number"),
    "negative TIV": (register([ROWS[0].replace(",29,29", ",29,-3")]), "'-3' is negative"),
    "garbled delivery years": (register([ROWS[1].replace("2017; 2019; 2020", "2017;20l9")]),
                               "column Year(s) of delivery: '2017;20l9': expected years"),
    "delivered TIV without delivery years": (
        register([ROWS[0].replace(",2021,New", ",,New")]),
        "line 13, column Year(s) of delivery: '29': expected delivery years"),
    "order year not a year": (register([ROWS[0].replace(",2020,", ",20,", 1)]),
                              "column Year of order: '20': expected a four-digit year"),
    "number ordered not whole": (register([ROWS[0].replace(",4,,Mi", ",4.5,,Mi")]),
                                 "column Number ordered: '4.5' is not a whole number"),
    "unknown uncertainty flag": (register([ROWS[0].replace("2020,,4", "2020,!,4")]),
                                 "column ' ' after Year of order: '!': expected '?' or nothing"),
    # pandas' boolean parsing would take these: the importer must not
    "uncertainty flag spelled True": (
        register([ROWS[0].replace("4,,Mi-17", "4,True,Mi-17")]),
        "line 13, column ' ' after Number ordered: 'True': expected '?' or nothing"),
    "uncertainty flag spelled false in a joined record": (
        register([ROWS[0],
                  ROWS[1].replace("4,?,2017", "4,false,2017").replace(",New,", ",New,a\n")]),
        "line 14, column ' ' after Number delivered: 'false': expected '?' or nothing"),
    "unknown status": (register([ROWS[0].replace(",New,", ",Leased,")]),
                       "column status: 'Leased': expected one of"),
    "missing column": (register(header=_bad_header(",status", "")),
                       "missing ['status']"),
    "renamed column": (register(header=_bad_header("Supplier", "Seller")),
                       "line 12: the Trade Register header is not SIPRI's 16 columns "
                       "(missing ['Supplier'])"),
    "some other table": (register(header="Country,Year,Value"),
                         "expected a Trade Register ('Recipient,Supplier,...')"),
    "value table without year header": (
        VALUE_TABLE.replace("2020,2021,2022,2020-2022", "a,b,c,d").encode(),
        "line 7: the value table's header has no year columns"),
    "value table truncated (no Total row)": (VALUE_TABLE.rsplit("Total", 1)[0].encode(),
                                             "no 'Total ...' row: the table is truncated"),
    "value table with a word in a cell": (VALUE_TABLE.replace("Mali,30", "Mali,lots").encode(),
                                          "line 8, column year value: 'lots' is not a number"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_parse_export_rejects_malformed_input_naming_file_line_and_column(case):
    raw, message = MALFORMED[case]
    with pytest.raises(SipriFormatError) as err:
        parse_export(raw, "bad.csv")
    assert str(err.value).startswith("bad.csv")
    assert message in str(err.value)


def test_read_export_names_a_missing_file(tmp_path):
    with pytest.raises(SipriFormatError, match="nothere.csv: cannot be read"):
        read_export(tmp_path / "nothere.csv")


def test_cli_prints_one_line_error_and_no_traceback_for_bad_input(tmp_path, capsys):
    bad = tmp_path / "register.csv"
    bad.write_bytes(register([ROWS[0].replace(",29,29", ",29,n/a")]))
    assert main(["sipri", "shares", str(bad)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("error: register.csv, line 13, column SIPRI TIV of delivered weapons")
    assert "Traceback" not in err


# --- the real exports ---------------------------------------------------------------------

def test_read_export_reads_all_four_real_files(real_exports):
    kinds = {k: (e.kind, e.vintage) for k, e in real_exports.items()}
    assert kinds == {
        "register_2024": ("register", "2024-10-13"),
        "register_2025": ("register", "2025-03-13"),
        "imports_2024": ("import-values", "2024-10-13"),
        "exports_2024": ("export-values", "2024-10-13"),
    }


def test_read_export_joins_the_split_records_of_the_real_registers(real_exports):
    # Found by inspection of the files: the records whose Comments hold a raw line break.
    assert real_exports["register_2024"].repairs == [24336, 26458]
    assert real_exports["register_2025"].repairs == [5432, 21488, 25178, 27955]
    reg = real_exports["register_2025"].frame
    thai = reg[(reg["recipient"] == "Thailand") & (reg["designation"] == "BTR-3")
               & (reg["line"] == 25178)]
    assert thai["tiv_delivered_musd"].tolist() == [3.25]


def test_read_export_row_counts_match_physical_lines_minus_joins(real_exports, sipri_exports):
    for key in ("register_2024", "register_2025"):
        lines = sipri_exports[key].read_bytes().count(b"\n")
        e = real_exports[key]
        assert len(e.frame) == lines - 12 - len(e.repairs)  # 12 = preamble + header


def test_value_table_rows_add_up_to_sipri_totals(real_exports):
    for key in ("imports_2024", "exports_2024"):
        e = real_exports[key]
        by_year = e.frame.groupby("year")["tiv_musd"].sum()
        diff = (by_year - e.totals.reindex(by_year.index)).abs()
        # SIPRI rounds each cell to whole millions: the sum may drift by about half a unit per row
        assert (diff <= 0.5 * e.frame["party"].nunique()).all(), diff.max()


def test_utf8_crlf_copy_of_a_real_register_gives_the_same_numbers(sipri_exports, tmp_path):
    src = sipri_exports["register_2025"]
    copy = tmp_path / src.name
    text = src.read_bytes().decode("cp1252").replace("\r\n", "\n").replace("\n", "\r\n")
    copy.write_bytes(text.encode("utf-8"))
    a, b = read_export(src).frame, read_export(copy).frame
    pd.testing.assert_frame_equal(a, b)


def _fingerprint(frame: pd.DataFrame) -> str:
    text = repr(frame.dtypes.to_dict()) + frame.to_csv(na_rep="<NA>")
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# Frame and annual series of each real register as the importer gave them before it was made
# fast (commit c35c559, row-by-row record finding and checks; pandas 3.1.1): dtypes and every
# value, floats written exactly. A change here is a change of output, not of speed.
BEFORE_FAST_PATH = {
    "register_2024": ("0d12a70c23bb4fea", "2fce9e50301ce827"),
    "register_2025": ("bb6c4cf4359141c5", "42282cd8f85c5c6d"),
}


@pytest.mark.parametrize("key", sorted(BEFORE_FAST_PATH))
def test_real_registers_give_the_same_frames_as_before_the_fast_path(real_exports, key):
    frame = real_exports[key].frame
    assert (_fingerprint(frame), _fingerprint(sipri.annual_deliveries(frame))) == (
        BEFORE_FAST_PATH[key])


@pytest.mark.parametrize("key", sorted(BEFORE_FAST_PATH))
def test_fast_path_and_general_route_give_the_same_frame(real_exports, sipri_exports, key,
                                                         monkeypatch):
    monkeypatch.setattr(register_module, "_scan", lambda *args: None)  # csv module, line by line
    general = read_export(sipri_exports[key])
    assert general.repairs == real_exports[key].repairs
    pd.testing.assert_frame_equal(general.frame, real_exports[key].frame, check_exact=True)
