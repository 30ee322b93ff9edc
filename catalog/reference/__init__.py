"""Reference data owned by the catalog: units, Incoterms, currencies and FX rates, HS codes."""
