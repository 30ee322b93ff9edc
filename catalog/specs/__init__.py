"""Typed, validated product specifications, one-to-one with Product, per product class."""
