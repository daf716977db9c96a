"""``make report``: the cached, parallel build of the notebooks (:mod:`.build`) and the site's own
pages (:mod:`.pages`, templates in ``templates/``). It imports no subject module."""
