"""RDF: the vocabulary, the mapping of records to quads and back, stores, SHACL."""
