"""``make report``: run the notebooks, cached and in parallel, each in a fresh kernel
(:mod:`.build`, :mod:`.execute`, :mod:`.zygote`), and hand the executed notebooks to
:mod:`analysis.publish`, which writes the site. It imports no subject module."""
