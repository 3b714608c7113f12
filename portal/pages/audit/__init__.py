"""The regional audit's pages: rounds and their progress, items to score and moderate, results with charts, agreement."""
