# The awk peer of `retain batch`: the same output columns for a CSV of
# period,segment,start,end,new (no quoted fields), rates to 2 decimals.
#
# Rates are rounded half away from zero in integer-valued doubles: every
# operand stays below 2^53, and a quotient of such integers is never within
# one ulp of an integer it does not equal, so int() floors it exactly.
# printf("%.2f") on the rate itself would mis-round about 1 row in 2,000.
function rate(num, den,    neg, q) {
    neg = num < 0
    if (neg) num = -num
    q = int((num * 20000 + den) / (2 * den))
    return (neg && q ? "-" : "") int(q / 100) "." sprintf("%02d", q % 100)
}
BEGIN { FS = OFS = "," }
NR == 1 {
    print $0, "retained", "lost", "retention_rate", "churn_rate",
          "simple_retention_rate", "simple_churn_rate", "warnings"
    next
}
{
    kept = $4 - $5
    print $0, kept, $3 - kept, rate(kept, $3), rate($3 - kept, $3),
          rate($4, $3), rate($3 - $4, $3), ""
}
