-- mart.economic_structure: one row per department × fiscal year × phase × economic 类
-- (支出经济分类: 301 工资福利支出, 302 商品和服务支出 ...) of the 基本支出 by economic class, with the
-- 类's share of it and the shares of its 人员经费 and 公用经费 parts. A report that states the
-- classes in several fund scopes is read in one: the most preferred it states at 类 level
-- (core.fund_scope_preference: general_budget, else fiscal, else all).
with

preferences as (
    select * from core.fund_scope_preference
),

stated as (
    select
        classes.*,
        preferences.preference
    from mart.expenditure_by_economic_class as classes
    inner join preferences on classes.fund_scope = preferences.fund_scope
    where classes.class_level = '类'
),

chosen as (
    select
        document_id,
        min(preference) as preference
    from stated
    group by document_id
),

classes as (
    select stated.*
    from stated
    inner join chosen
        on
            stated.document_id = chosen.document_id
            and stated.preference = chosen.preference
),

totals as (
    select
        document_id,
        sum(amount_yuan) as basic_total_yuan
    from classes
    group by document_id
),

departments as (
    select * from core.department_identity
),

final as (
    select
        departments.canonical_department,
        classes.department,
        classes.region,
        classes.fiscal_year,
        classes.phase,
        classes.fund_scope,
        classes.class_code,
        classes.class_name,
        classes.amount_yuan,
        classes.personnel_yuan,
        classes.public_funds_yuan,
        round(100 * classes.amount_yuan / nullif(totals.basic_total_yuan, 0), 2) as share_pct,
        round(100 * classes.personnel_yuan / nullif(totals.basic_total_yuan, 0), 2) as personnel_share_pct,
        round(100 * classes.public_funds_yuan / nullif(totals.basic_total_yuan, 0), 2) as public_funds_share_pct,
        classes.document_id
    from classes
    inner join totals on classes.document_id = totals.document_id
    inner join departments
        on
            classes.department = departments.department_name
            and classes.region is not distinct from departments.region
)

select * from final
