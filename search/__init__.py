"""Oscar's search app, forked (label `search`) and free of haystack: see search/backends."""
