-- Top 三公经费 spenders: each department's 三公 total per year and phase, largest first.
select
    canonical_department,
    fiscal_year,
    phase,
    round(amount_yuan / 10000, 2) as three_public_total_wan,
    share_of_spending_pct,
    rank_in_region
from mart.three_public_comparison
where category = 'three_public_total'
order by fiscal_year desc, amount_yuan desc nulls last
