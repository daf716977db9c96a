"""SIPRI's Arms Transfers Database: reading its exports, the annual series, regions and shares.

- :mod:`analysis.sipri.read`: the export parser (Trade Register, value tables);
- :mod:`analysis.sipri.annual`: deliveries per year, an even split of each deal (an estimate);
- :mod:`analysis.sipri.shares`: regions, five-year periods, each supplier's share;
- :mod:`analysis.sipri.weapons`: weapon categories from SIPRI's free-text descriptions;
- :mod:`analysis.sipri.derive`: ``make data``, the committed tables derived from the exports.

The series and shares functions are re-exported here, so ``from analysis import sipri`` then
``sipri.supplier_shares(...)`` works in notebooks and in the subjects.
"""

from analysis.sipri.annual import annual_deliveries, compare_with_value_tables
from analysis.sipri.shares import (
    NON_STATE_CHOICES,
    REGIONS,
    five_year_windows,
    in_region,
    parse_years,
    region_members,
    share_of,
    supplier_shares,
)

__all__ = [
    "NON_STATE_CHOICES", "REGIONS", "annual_deliveries", "compare_with_value_tables",
    "five_year_windows", "in_region", "parse_years", "region_members", "share_of",
    "supplier_shares",
]
