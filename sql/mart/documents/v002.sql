-- mart.documents: one row per loaded report (the current version of each), named by its file name:
-- the server's folders stay in etl.documents (v002; v001 showed the path on the server).
with

documents as (
    select
        document_id,
        source_path,
        sha256,
        department_id,
        fiscal_year,
        phase,
        loaded_at,
        fact_count,
        finding_count,
        is_current,
        superseded_by,
        title
    from etl.documents
    where status = 'loaded' or loaded_at is not null
),

departments as (
    select * from core.dim_department
),

final as (
    select
        documents.document_id,
        regexp_replace(documents.source_path, '^.*[/\\]', '') as source_path,
        documents.sha256,
        departments.department_name as department,
        nullif(departments.region_name, '') as region,
        documents.fiscal_year,
        documents.phase,
        documents.loaded_at,
        documents.fact_count,
        documents.finding_count,
        documents.is_current,
        documents.superseded_by,
        documents.title
    from documents
    left join departments on documents.department_id = departments.department_id
)

select * from final
