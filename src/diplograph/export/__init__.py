"""Files for other tools, one module per family of formats.

- :mod:`diplograph.export.graphml`: GraphML and GEXF for Gephi, yEd and Cytoscape.
- :mod:`diplograph.export.timelinejs`: TimelineJS3 JSON for the Knight Lab timeline viewer.
"""
