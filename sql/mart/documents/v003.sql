-- mart.documents: one row per loaded report file, current or superseded, named by its file name
-- (the server's folders stay in etl.documents). v003: the report's scope, and part_of for the
-- 公开表 file of a report published as two files (its figures count under the document it names).
with

documents as (
    select
        document_id,
        source_path,
        sha256,
        department_id,
        fiscal_year,
        phase,
        report_scope,
        loaded_at,
        fact_count,
        finding_count,
        is_current,
        superseded_by,
        part_of,
        title
    from etl.documents
    where loaded_at is not null
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
        documents.title,
        documents.report_scope,
        documents.part_of
    from documents
    left join departments on documents.department_id = departments.department_id
)

select * from final
