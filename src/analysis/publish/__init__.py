"""Publishing the site: notebook pages (``render``), the index and ledger (``pages``), each
page's sources (``provenance``) and the fixes nbconvert's HTML needs (``html``). It receives
executed notebooks and rows; running notebooks is :mod:`analysis.report`'s job."""
