"""The data contract, at the bottom of the package: where things are (:mod:`.paths`), the errors
a reporter can act on (:mod:`.errors`), the Data Package loader and validator
(:mod:`.datapackage`), and the files generated from the contract: the data dictionary
(:mod:`.datadict`) and ``environment.yml`` (:mod:`.envfile`). Nothing here knows the story.
"""
