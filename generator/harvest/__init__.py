"""Development-time harvesting of model and dataset names from maintained registries' wheels.

`make harvest-names` runs `python -m generator.harvest`: it downloads the pinned wheels (`wheels.PINS`)
with pip, reads their name lists as files (`sources`), keeps the names the strict rules allow
(`choose`) and writes `generator/gazetteer/harvested.yaml`. Nothing of the pipeline imports this
package (an import-linter contract says so): the extractor reads only the written file.
"""
