"""A voluntary or event announcement about the business: a product approval, a
certification passed, a bid won."""

from disclint.structure.doctypes import DocType, patterns

DOC_TYPE = DocType(
    name="voluntary",
    label="自愿性信息披露公告",
    summary="自愿性信息披露及经营事项公告（产品获批、通过认证或检查、中标等）",
    titles=patterns(
        r"自愿性?信息披露|自愿披露",
        r"(?:获得|取得)[^。\n]{0,30}(?:注册批件|批件|注册证|批准证明|认证证书)",
        r"通过[^。\n]{0,30}(?:一致性评价|认证|现场检查)",
        r"拟?中标[^。\n]{0,20}(?:的|公告)",
    ),
    examples=("关于某某片通过仿制药一致性评价的公告", "关于自愿披露签订战略合作协议的公告"),
)
