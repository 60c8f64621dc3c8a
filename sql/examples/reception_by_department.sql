-- Which departments spent most on 公务接待 in 2020, and how did it change on the year before?
select
    canonical_department,
    region,
    round(amount_yuan / 10000, 2) as reception_wan,
    rank_in_region,
    round(change_yuan / 10000, 2) as change_wan,
    change_pct
from mart.three_public_comparison
where
    category = 'official_reception'
    and fiscal_year = 2020
    and phase = 'final'
order by amount_yuan desc nulls last
