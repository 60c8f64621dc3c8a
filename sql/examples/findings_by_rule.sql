-- Data-quality findings of the loaded reports, most frequent rule first.
select
    documents.department,
    documents.fiscal_year,
    documents.phase,
    documents.finding_count,
    documents.source_path
from mart.documents as documents
where documents.finding_count > 0
order by documents.finding_count desc
