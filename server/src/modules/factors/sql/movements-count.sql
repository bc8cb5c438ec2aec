-- How many movements the ledger filter matches (the line FILTER is replaced by movement-filter.sql).
select count(*) as total
FILTER
