"""``python -m analysis sipri shares``: supplier shares from one Trade Register export."""

import sys

from analysis import sipri
from analysis.contract.datapackage import load_table
from analysis.sipri.read import read_export


def run_shares(args) -> int:
    years = sipri.parse_years(args.years)
    export = read_export(args.file)
    if export.kind != "register":
        raise ValueError(f"{export.file} is a {export.kind} table: supplier shares need a "
                         "Trade Register export")
    annual = sipri.in_region(sipri.annual_deliveries(export.frame),
                             load_table("sipri_recipients"), args.region, args.non_state)
    shares = sipri.supplier_shares(annual, years)
    if args.format == "csv":
        shares.to_csv(sys.stdout, index=False, float_format="%.2f", lineterminator="\n")
        return 0
    print(f"{args.region}, {years[0]}-{years[1]}: TIV delivered by supplier "
          f"(SIPRI export of {export.vintage}, {export.file}; annual split is an estimate)")
    for line in shares.to_string(index=False, float_format=lambda v: f"{v:,.1f}").splitlines():
        print(line)
    if export.repairs:
        print(f"note: {len(export.repairs)} record(s) split by a line break were joined "
              f"(lines {', '.join(map(str, export.repairs))})", file=sys.stderr)
    return 0
