"""Oscar's catalogue app, forked (label `catalogue`): industrial product data."""
