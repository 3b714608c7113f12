"""The chair's pages: upcoming conferences, one conference with its map, and one agency's report."""
