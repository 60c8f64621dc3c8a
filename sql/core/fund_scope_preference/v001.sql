-- core.fund_scope_preference: one row per fund scope a comparison view may read, with its
-- preference (1 = first choice). A report can state one class in several scopes (the 收支总表
-- counts every source, the 财政拨款 table the three budgets' appropriations, the 一般公共预算 table
-- that budget alone); a comparison reads one scope per report, the most preferred it states:
-- general_budget (the scope of the narrative and of most tables), else fiscal, else all.
-- government_fund and state_capital are never mixed into a department's structure.
-- The one place that decides it.
with

scopes as (
    select
        fund_scope,
        preference
    from (
        values
        ('general_budget', 1),
        ('fiscal', 2),
        ('all', 3)
    ) as preferences (fund_scope, preference)
),

final as (
    select * from scopes
)

select * from final
