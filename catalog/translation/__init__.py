"""Product names, descriptions and search text in Russian and Chinese (English lives on Product)."""
