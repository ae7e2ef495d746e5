"""Files for other tools, one module per family of formats.

- :mod:`diplograph.export.graphml`: GraphML and GEXF for Gephi, yEd and Cytoscape.
"""
