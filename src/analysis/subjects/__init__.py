"""One module per subject of the story, each over its own tables: the arms trade from the derived
SIPRI tables (:mod:`.arms`), Wagner's deployments (:mod:`.wagner`), dated events (:mod:`.events`),
Lavrov's tours (:mod:`.trips`), and the modules that join two subjects (:mod:`.trip_countries`,
:mod:`.wagner_arms`). They import the contract and :mod:`analysis.sipri`, never charts or claims.
"""
