#!/bin/sh
# Orders and revenue per country and currency. Patron hands the input as CSV in
# $PATRON_INPUT (columns country, currency, amount, selected in the pipeline file) and
# reads the result back from $PATRON_OUTPUT.
set -eu
awk -F, 'NR > 1 && $3 != "" {
    key = $1 "," $2
    orders[key] += 1
    revenue[key] += $3
}
END {
    print "country,currency,orders,revenue"
    for (k in orders) printf "%s,%d,%.2f\n", k, orders[k], revenue[k]
}' "$PATRON_INPUT" | { IFS= read -r header; echo "$header"; LC_ALL=C sort; } > "$PATRON_OUTPUT"
