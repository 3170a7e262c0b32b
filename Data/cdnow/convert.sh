#!/bin/sh
# Makes transactions.csv from the CDNOW master file as distributed with the Python package
# `lifetimes` 0.11.3 (../shared/data/cdnow/CDNOW_master.txt: a header line, then
# space-aligned columns id, yyyymmdd, CDs, dollars, CRLF line ends). Values are unchanged;
# only the layout becomes CSV. Run from this folder: sh convert.sh PATH/TO/CDNOW_master.txt
set -eu
src="${1:-../../../shared/data/cdnow/CDNOW_master.txt}"
{
  echo "customer_id,order_date,cds,amount"
  tr -d '\r' < "$src" | awk 'NR > 1 && NF == 4 { printf "%s,%s,%s,%s\n", $1, $2, $3, $4 }'
} > transactions.csv
