"""Read queries: SQL over the projection tables, returning plain rows for the services."""
