#!/bin/sh
# Makes transactions.csv (and sample.csv, below) from the CDNOW master file as distributed with the Python package
# `lifetimes` 0.11.3 (../shared/data/cdnow/CDNOW_master.txt: a header line, then
# space-aligned columns id, yyyymmdd, CDs, dollars, CRLF line ends). Values are unchanged;
# only the layout becomes CSV. Run from this folder: sh convert.sh MASTER.txt SAMPLE.txt
set -eu
src="${1:-../../../shared/data/cdnow/CDNOW_master.txt}"
{
  echo "customer_id,order_date,cds,amount"
  tr -d '\r' < "$src" | awk 'NR > 1 && NF == 4 { printf "%s,%s,%s,%s\n", $1, $2, $3, $4 }'
} > transactions.csv

# sample.csv: the 1/10 sample (2,357 customers) on which the BG/NBD, Pareto/NBD and
# Gamma-Gamma papers report their estimates. Columns as distributed: master id, sample id,
# yyyymmdd, CDs, dollars; kept, with the sample id as the customer id.
sample="${2:-../../../shared/data/cdnow/CDNOW_sample.txt}"
{
  echo "customer_id,master_id,order_date,cds,amount"
  tr -d '\r' < "$sample" | awk 'NF == 5 { printf "%s,%s,%s,%s,%s\n", $2, $1, $3, $4, $5 }'
} > sample.csv
