"""Department identity: region level, and the aliases file that maps published names to one
canonical department. Merging never happens silently: only names listed in the file merge."""

from __future__ import annotations


def region_level(region: str | None) -> str | None:
    """省, 市 or 区县 from the last administrative word of the region."""
    if not region:
        return None
    if region.endswith(("区", "县", "旗")):
        return "区县"
    if region.endswith(("市", "州", "盟", "地区")):
        return "市"
    if region.endswith(("省", "自治区")):
        return "省"
    return None
