// @ts-check

/**
 * Every string the dashboard shows, in Chinese (the default: the 联席会 reads Chinese) and
 * English. Views never hold literal UI text, so a missing translation shows up here in one place.
 */

const LANG_KEY = 'redcrowd.lang';
/** @typedef {'zh-CN' | 'en'} Lang */
/** @type {readonly Lang[]} */
export const LANGS = ['zh-CN', 'en'];

/** @typedef {Record<string, string>} Dictionary */

/** @type {Dictionary} */
const zh = {
  'app.title': '红色众筹 · 资源匹配',
  'app.subtitle': '党建联盟资源需求对接平台',
  'app.loading': '正在加载…',
  'lang.switch': 'English',
  'lang.switchLabel': 'Switch to English',
  'live.open': '实时已连接',
  'live.closed': '实时连接已断开',
  'live.retry': '{seconds} 秒后重连',
  'header.alliance': '联盟',
  'header.signedInAs': '当前用户',
  'header.expires': '登录有效期至 {time}',
  'header.logout': '退出',
  'header.adminAlliance': '查看联盟',
  'header.adminAllianceApply': '切换',

  'login.title': '请先登录',
  'login.body':
    '请使用运行 npm start 时终端打印的登录链接打开本页面。链接中包含访问令牌，令牌只保存在当前浏览器标签页中，关闭标签页后需重新使用登录链接。',
  'login.hint': '登录链接形如 http://localhost:…/dashboard/#token=…',
  'login.reason': '原因：{reason}',
  'login.reason.unauthorized': '登录已失效或令牌无效',
  'login.reason.expired': '登录已过期',
  'login.reason.signedOut': '已退出登录',

  'role.coordinator': '联席会协调员',
  'role.admin': '系统管理员',
  'role.unit': '成员单位',
  'role.community': '社区',

  'tab.review': '审核',
  'tab.unmet': '未满足需求',
  'tab.overview': '总览',
  'tab.map': '地图',
  'tab.offers': '派单',
  'tab.claims': '认领记录',
  'tab.points': '积分',
  'tab.demands': '我的需求',
  'tab.post-demand': '发布需求',
  'tabs.label': '功能视图',

  'status.proposed': '待审核',
  'status.approved': '已通过',
  'status.offered': '已派单',
  'status.claimed': '已认领',
  'status.in-progress': '实施中',
  'status.completed': '已完成',
  'status.rejected': '已驳回',
  'status.cancelled': '已取消',
  'status.expired': '已过期',

  'reason.no-supply-in-category': '该类别无资源供给',
  'reason.none-in-radius': '服务半径内无资源',
  'reason.no-window-overlap': '时间窗口不重叠',
  'reason.no-capacity': '资源容量已用尽',
  'reason.partly-met': '部分满足',
  'reason.not-matched-yet': '尚未匹配',

  'category.elderly-care': '养老服务',
  'category.childcare': '托育服务',
  'category.education': '教育辅导',
  'category.health': '医疗健康',
  'category.legal': '法律服务',
  'category.culture-sports': '文体活动',
  'category.venue': '场地设施',
  'category.volunteering': '志愿服务',
  'category.funds': '资金支持',
  'category.goods': '物资捐赠',
  'category.repairs': '维修服务',
  'category.safety': '平安建设',
  'category.environment': '环境整治',
  'category.employment': '就业帮扶',
  'category.business-support': '助企服务',

  'urgency.routine': '常规',
  'urgency.urgent': '紧急',
  'urgency.critical': '特急',

  'unit.person-hours': '人·时',
  'unit.sessions': '场',
  'unit.people': '人',
  'unit.items': '件',
  'unit.yuan': '元',
  'unit.sqm-days': '平方米·天',
  'unit.meals': '份',
  'unit.visits': '次',
  'unit.hours': '小时',
  'unit.days': '天',
  'unit.seats': '座',
  'unit.kg': '千克',

  'component.category': '类别',
  'component.tags': '标签',
  'component.distance': '距离',
  'component.window': '时间窗口',

  'explain.category.same': '类别相同：{category}',
  'explain.category.related': '相关类别：{resourceCategory} 可服务 {demandCategory}',
  'explain.tags.none-asked': '需求未标注标签（按中性计）',
  'explain.tags.none-shared': '无共同标签（0/{tagCount}）',
  'explain.tags.shared': '共同标签：{sharedTags}（{sharedCount}/{tagCount}）',
  'explain.distance.within-radius': '距离 {distanceKm} 公里，服务半径 {radiusKm} 公里',
  'explain.distance.unlimited-radius': '距离 {distanceKm} 公里，服务半径不限',
  'explain.window.coverage': '覆盖需求时段的 {percent}%',

  'offerStatus.open': '待认领',
  'offerStatus.claimed': '已认领',
  'offerStatus.declined': '已谢绝',
  'offerStatus.expired': '已过期',
  'stage.paired': '定向派单',
  'stage.open-hall': '认领大厅',

  'decision.accepted': '已接受',
  'decision.rejected': '未通过',
  'claimCode.invalid-claim': '认领内容有误',
  'claimCode.not-offered': '该项目未向本单位派单',
  'claimCode.project-not-claimable': '项目当前不可认领',
  'claimCode.already-claimed': '项目已被认领',
  'claimCode.over-quantity': '超出派单数量',
  'claimCode.offer-expired': '派单已过期',
  'claimCode.internal-error': '系统暂时无法处理，请稍后重试',

  'error.project-not-found': '项目不存在或不属于本联盟',
  'error.allocation-not-found': '该资源分配已不存在',
  'error.offer-not-found': '派单不存在',
  'error.not-allowed': '当前账号无权执行此操作',
  'error.illegal-transition': '项目当前状态不允许此操作',
  'error.version-conflict': '项目已被他人更新，已为您刷新，请核对后重试',
  'error.invalid-request': '提交的内容有误',
  'error.not-a-candidate': '该资源不能服务此需求',
  'error.capacity-exceeded': '超出可用数量',
  'error.network': '网络连接失败，请检查网络后重试',
  'error.server': '服务器暂时无法处理（{status}）',
  'error.unavailable': '受理服务暂不可用，请稍后重试',
  'error.loadFailed': '数据加载失败',
  'error.retry': '重试',
  'error.chartsMissing': '图表组件未能加载',
  'error.unknownRole': '当前角色（{role}）没有可用的视图',

  'problem.required': '必填',
  'problem.wrong-type': '格式不正确',
  'problem.invalid-value': '取值无效',
  'problem.out-of-range': '超出允许范围',
  'problem.too-long': '内容过长',
  'problem.too-short': '内容过短',
  'problem.invalid-datetime': '日期时间格式不正确',
  'problem.window-order': '结束时间须晚于开始时间',
  'problem.unknown-category': '本联盟分类中没有该类别',
  'problem.duplicate-item-id': '条目编号重复',
  'problem.unknown-field': '未知字段',
  'problem.stale-revision': '已有更新的版本',
  'problem.revision-conflict': '版本冲突',
  'problem.key-mismatch': '提交者不一致',
  'problem.too-many-items': '条目过多',
  'problem.too-few-items': '条目过少',
  'problem.too-many-problems': '问题过多，仅列出前 100 条',
  'problem.internal-error': '系统内部错误',

  'common.all': '全部',
  'common.reset': '重置',
  'common.cancel': '取消',
  'common.empty': '暂无数据',
  'common.total': '共 {count} 项',
  'common.updated': '更新于 {time}',
  'common.none': '—',
  'common.busy': '处理中…',
  'common.optional': '选填',

  'review.filters': '筛选',
  'review.status': '状态',
  'review.community': '社区',
  'review.category': '类别',
  'review.urgency': '紧急程度',
  'review.empty': '没有符合条件的项目',
  'review.requested': '需求',
  'review.allocated': '已分配',
  'review.unmet': '未满足',
  'review.window': '需求时段',
  'review.address': '地点',
  'review.allocations': '资源分配',
  'review.noAllocations': '尚未分配任何资源',
  'review.unit': '单位',
  'review.resource': '资源',
  'review.quantity': '数量',
  'review.score': '匹配度',
  'review.explanation': '评分依据',
  'review.weight': '权重 {weight}',
  'review.approve': '通过',
  'review.reject': '驳回',
  'review.rejectReason': '驳回理由',
  'review.rejectPlaceholder': '请说明驳回理由，社区将看到此说明',
  'review.confirmReject': '确认驳回',
  'review.saveQuantity': '保存',
  'review.approved': '「{title}」已通过审核',
  'review.rejected': '「{title}」已驳回',
  'review.quantitySaved': '分配数量已更新',
  'review.audit': '审核记录',
  'review.auditEmpty': '暂无记录',
  'review.auditLoading': '正在加载审核记录…',

  'unmet.title': '未满足需求',
  'unmet.empty': '所有需求均已得到满足',
  'unmet.reason': '原因',
  'unmet.demand': '需求',
  'unmet.community': '社区',
  'unmet.category': '类别',
  'unmet.quantity': '需求数量',
  'unmet.unmet': '未满足数量',
  'unmet.address': '地点',
  'unmet.filterAll': '全部原因',

  'overview.kpi.projects': '项目总数',
  'overview.kpi.proposed': '待审核',
  'overview.kpi.inProgress': '实施中',
  'overview.kpi.completed': '已完成',
  'overview.kpi.allocatedRate': '分配覆盖率',
  'overview.kpi.claimedRate': '认领覆盖率',
  'overview.coverageCommunity': '各社区需求覆盖',
  'overview.coverageCategory': '各类别需求覆盖',
  'overview.supplyCategory': '各类别资源使用',
  'overview.demandToClaim': '从发布需求到认领的时长（小时）',
  'overview.demandToClaimSummary': '中位数 {p50} 小时 · 90% 在 {p90} 小时内 · 样本 {count}',
  'overview.statusCounts': '项目状态分布',
  'overview.openHall': '认领大厅中的项目',
  'overview.openHallEmpty': '认领大厅暂无项目',
  'overview.openHallSince': '{time}进入大厅',
  'overview.units': '成员单位贡献与积分',
  'overview.requested': '需求量',
  'overview.allocated': '已分配',
  'overview.claimed': '已认领',
  'overview.offered': '可提供',
  'overview.used': '已使用',
  'overview.projects': '项目数',
  'overview.points': '积分',
  'overview.hours': '小时',
  'overview.count': '项目数',

  'map.title': '资源与需求分布',
  'map.demands': '需求',
  'map.unmetDemands': '未满足需求',
  'map.resources': '资源',
  'map.links': '匹配关系',
  'map.lng': '经度',
  'map.lat': '纬度',
  'map.summary': '需求 {demands} 项（未满足 {unmet}）· 资源 {resources} 项 · 匹配 {links} 条',
  'map.hint': '滚轮缩放，拖动平移。图中位置按经纬度绘制，不含底图。',
  'map.capacity': '容量',
  'map.used': '已用',
  'map.radius': '服务半径 {km} 公里',
  'map.linkStatus': '状态',

  'offers.open': '待认领派单',
  'offers.history': '历史派单',
  'offers.empty': '暂无派单',
  'offers.openEmpty': '当前没有待认领的派单',
  'offers.community': '社区',
  'offers.quantity': '派单数量',
  'offers.expires': '认领截止 {time}',
  'offers.expiresIn': '（{relative}）',
  'offers.claimQuantity': '认领数量',
  'offers.note': '备注',
  'offers.notePlaceholder': '如：食堂可承担工作日午餐',
  'offers.claim': '认领',
  'offers.decline': '谢绝',
  'offers.start': '开始实施',
  'offers.claimed': '已认领 {accepted}{unit}',
  'offers.claimedPartly': '已认领 {accepted}{unit}（申请 {requested}{unit}，超出部分未被接受）',
  'offers.declined': '已谢绝该派单',
  'offers.started': '项目已开始实施',
  'offers.window': '服务时段',
  'offers.projectStatus': '项目',

  'claims.empty': '暂无认领记录',
  'claims.project': '项目',
  'claims.quantity': '申请数量',
  'claims.accepted': '接受数量',
  'claims.decision': '结果',
  'claims.at': '时间',
  'claims.projectStatus': '项目状态',
  'claims.actions': '操作',

  'points.total': '累计积分',
  'points.trend': '积分累计趋势',
  'points.empty': '暂无积分记录',
  'points.project': '项目',
  'points.points': '积分',
  'points.reason': '原因',
  'points.at': '时间',

  'demands.empty': '您还没有发布需求',
  'demands.post': '发布需求',
  'demands.noProject': '尚未形成项目',
  'demands.units': '承接单位：{units}',
  'demands.unmet': '未满足 {unmet}{unit}',
  'demands.rating': '服务评价',
  'demands.ratingStar': '{n} 星',
  'demands.note': '评价说明',
  'demands.notePlaceholder': '服务情况、居民反馈等',
  'demands.confirmComplete': '确认完成',
  'demands.completed': '已确认完成，感谢评价',

  'post.title': '发布需求',
  'post.intro':
    '填写一条需求，提交后由平台统一校验并参与匹配。校验规则与接口一致，问题会标注在对应字段下方。',
  'post.field.title': '需求名称',
  'post.field.titlePlaceholder': '如：幸福食堂老人送餐',
  'post.field.description': '需求说明',
  'post.field.category': '类别',
  'post.field.quantity': '数量',
  'post.field.unit': '计量单位',
  'post.field.address': '地址',
  'post.field.addressPlaceholder': '如：014中心社区52号楼',
  'post.field.lat': '纬度',
  'post.field.lng': '经度',
  'post.field.windowFrom': '开始时间',
  'post.field.windowTo': '结束时间',
  'post.field.urgency': '紧急程度',
  'post.field.beneficiaries': '受益人数',
  'post.choose': '请选择',
  'post.section.what': '需要什么',
  'post.section.where': '在哪里',
  'post.section.when': '什么时候',
  'post.submit': '提交需求',
  'post.problems': '未通过校验：共 {count} 处问题，已标注在对应字段旁',
  'post.field.latPlaceholder': '如 34.6852',
  'post.field.lngPlaceholder': '如 112.4371',
  'post.stored': '需求已提交（清单 {listId}），将参与下一轮匹配',
  'post.unchanged': '该需求此前已提交，内容未变化',
  'post.viewDemands': '查看我的需求',
};

/** @type {Dictionary} */
const en = {
  'app.title': 'Red Crowd · Matching',
  'app.subtitle': 'Party-building alliance resources and demands',
  'app.loading': 'Loading…',
  'lang.switch': '中文',
  'lang.switchLabel': '切换到中文',
  'live.open': 'Live',
  'live.closed': 'Disconnected',
  'live.retry': 'reconnecting in {seconds} s',
  'header.alliance': 'Alliance',
  'header.signedInAs': 'Signed in as',
  'header.expires': 'Session valid until {time}',
  'header.logout': 'Sign out',
  'header.adminAlliance': 'Alliance',
  'header.adminAllianceApply': 'Show',

  'login.title': 'Please sign in',
  'login.body':
    'Open this page with a login link printed by npm start. The link carries an access token that is kept in this browser tab only; after closing the tab, open the link again.',
  'login.hint': 'A login link looks like http://localhost:…/dashboard/#token=…',
  'login.reason': 'Reason: {reason}',
  'login.reason.unauthorized': 'the session is invalid or has expired',
  'login.reason.expired': 'the session has expired',
  'login.reason.signedOut': 'you signed out',

  'role.coordinator': 'Coordinator',
  'role.admin': 'Administrator',
  'role.unit': 'Member unit',
  'role.community': 'Community',

  'tab.review': 'Review',
  'tab.unmet': 'Unmet',
  'tab.overview': 'Overview',
  'tab.map': 'Map',
  'tab.offers': 'Offers',
  'tab.claims': 'Claims',
  'tab.points': 'Points',
  'tab.demands': 'My demands',
  'tab.post-demand': 'Post demand',
  'tabs.label': 'Views',

  'status.proposed': 'Proposed',
  'status.approved': 'Approved',
  'status.offered': 'Offered',
  'status.claimed': 'Claimed',
  'status.in-progress': 'In progress',
  'status.completed': 'Completed',
  'status.rejected': 'Rejected',
  'status.cancelled': 'Cancelled',
  'status.expired': 'Expired',

  'reason.no-supply-in-category': 'No supply in this category',
  'reason.none-in-radius': 'No resource within service radius',
  'reason.no-window-overlap': 'Time windows do not overlap',
  'reason.no-capacity': 'Resource capacity used up',
  'reason.partly-met': 'Partly met',
  'reason.not-matched-yet': 'Not matched yet',

  'category.elderly-care': 'Elderly care',
  'category.childcare': 'Childcare',
  'category.education': 'Education',
  'category.health': 'Health',
  'category.legal': 'Legal aid',
  'category.culture-sports': 'Culture & sports',
  'category.venue': 'Venue',
  'category.volunteering': 'Volunteering',
  'category.funds': 'Funds',
  'category.goods': 'Goods',
  'category.repairs': 'Repairs',
  'category.safety': 'Safety',
  'category.environment': 'Environment',
  'category.employment': 'Employment',
  'category.business-support': 'Business support',

  'urgency.routine': 'Routine',
  'urgency.urgent': 'Urgent',
  'urgency.critical': 'Critical',

  'unit.person-hours': ' person-hours',
  'unit.sessions': ' sessions',
  'unit.people': ' people',
  'unit.items': ' items',
  'unit.yuan': ' yuan',
  'unit.sqm-days': ' m²·days',
  'unit.meals': ' meals',
  'unit.visits': ' visits',
  'unit.hours': ' hours',
  'unit.days': ' days',
  'unit.seats': ' seats',
  'unit.kg': ' kg',

  'component.category': 'Category',
  'component.tags': 'Tags',
  'component.distance': 'Distance',
  'component.window': 'Time window',

  'explain.category.same': 'Same category: {category}',
  'explain.category.related': 'Related category: {resourceCategory} for {demandCategory}',
  'explain.tags.none-asked': 'The demand names no tags (neutral)',
  'explain.tags.none-shared': 'No tags shared (0 of {tagCount})',
  'explain.tags.shared': 'Tags shared: {sharedTags} ({sharedCount} of {tagCount})',
  'explain.distance.within-radius': '{distanceKm} km away, service radius {radiusKm} km',
  'explain.distance.unlimited-radius': '{distanceKm} km away, unlimited service radius',
  'explain.window.coverage': 'Covers {percent}% of the demand window',

  'offerStatus.open': 'Open',
  'offerStatus.claimed': 'Claimed',
  'offerStatus.declined': 'Declined',
  'offerStatus.expired': 'Expired',
  'stage.paired': 'Direct offer',
  'stage.open-hall': 'Open hall',

  'decision.accepted': 'Accepted',
  'decision.rejected': 'Rejected',
  'claimCode.invalid-claim': 'The claim is invalid',
  'claimCode.not-offered': 'This project was not offered to your unit',
  'claimCode.project-not-claimable': 'The project cannot be claimed now',
  'claimCode.already-claimed': 'The project is already claimed',
  'claimCode.over-quantity': 'More than the offered quantity',
  'claimCode.offer-expired': 'The offer has expired',
  'claimCode.internal-error': 'The system could not decide; please try again',

  'error.project-not-found': 'Project not found in this alliance',
  'error.allocation-not-found': 'This allocation no longer exists',
  'error.offer-not-found': 'Offer not found',
  'error.not-allowed': 'Your account may not do this',
  'error.illegal-transition': 'The project’s status does not allow this',
  'error.version-conflict': 'Someone else changed this project; it has been reloaded, please check and retry',
  'error.invalid-request': 'The request is invalid',
  'error.not-a-candidate': 'This resource cannot serve the demand',
  'error.capacity-exceeded': 'More than is available',
  'error.network': 'Network error; check the connection and retry',
  'error.server': 'The server could not handle the request ({status})',
  'error.unavailable': 'Intake is unavailable; please retry shortly',
  'error.loadFailed': 'Could not load data',
  'error.retry': 'Retry',
  'error.chartsMissing': 'Charts could not be loaded',
  'error.unknownRole': 'There are no views for the role {role}',

  'problem.required': 'Required',
  'problem.wrong-type': 'Wrong format',
  'problem.invalid-value': 'Invalid value',
  'problem.out-of-range': 'Out of range',
  'problem.too-long': 'Too long',
  'problem.too-short': 'Too short',
  'problem.invalid-datetime': 'Invalid date and time',
  'problem.window-order': 'The end must be after the start',
  'problem.unknown-category': 'Not a category of this alliance',
  'problem.duplicate-item-id': 'Duplicate item id',
  'problem.unknown-field': 'Unknown field',
  'problem.stale-revision': 'A newer revision exists',
  'problem.revision-conflict': 'Revision conflict',
  'problem.key-mismatch': 'Submitter mismatch',
  'problem.too-many-items': 'Too many items',
  'problem.too-few-items': 'Too few items',
  'problem.too-many-problems': 'Too many problems; only the first 100 are listed',
  'problem.internal-error': 'Internal error',

  'common.all': 'All',
  'common.reset': 'Reset',
  'common.cancel': 'Cancel',
  'common.empty': 'No data',
  'common.total': '{count} in total',
  'common.updated': 'Updated {time}',
  'common.none': '—',
  'common.busy': 'Working…',
  'common.optional': 'optional',

  'review.filters': 'Filters',
  'review.status': 'Status',
  'review.community': 'Community',
  'review.category': 'Category',
  'review.urgency': 'Urgency',
  'review.empty': 'No projects match these filters',
  'review.requested': 'Requested',
  'review.allocated': 'Allocated',
  'review.unmet': 'Unmet',
  'review.window': 'Needed',
  'review.address': 'Place',
  'review.allocations': 'Allocations',
  'review.noAllocations': 'No resources allocated yet',
  'review.unit': 'Unit',
  'review.resource': 'Resource',
  'review.quantity': 'Quantity',
  'review.score': 'Score',
  'review.explanation': 'Why',
  'review.weight': 'weight {weight}',
  'review.approve': 'Approve',
  'review.reject': 'Reject',
  'review.rejectReason': 'Reason for rejection',
  'review.rejectPlaceholder': 'The community will read this reason',
  'review.confirmReject': 'Confirm rejection',
  'review.saveQuantity': 'Save',
  'review.approved': '“{title}” approved',
  'review.rejected': '“{title}” rejected',
  'review.quantitySaved': 'Allocation quantity updated',
  'review.audit': 'Audit trail',
  'review.auditEmpty': 'No entries',
  'review.auditLoading': 'Loading audit trail…',

  'unmet.title': 'Unmet demands',
  'unmet.empty': 'Every demand is met',
  'unmet.reason': 'Reason',
  'unmet.demand': 'Demand',
  'unmet.community': 'Community',
  'unmet.category': 'Category',
  'unmet.quantity': 'Requested',
  'unmet.unmet': 'Unmet',
  'unmet.address': 'Place',
  'unmet.filterAll': 'All reasons',

  'overview.kpi.projects': 'Projects',
  'overview.kpi.proposed': 'Awaiting review',
  'overview.kpi.inProgress': 'In progress',
  'overview.kpi.completed': 'Completed',
  'overview.kpi.allocatedRate': 'Allocated coverage',
  'overview.kpi.claimedRate': 'Claimed coverage',
  'overview.coverageCommunity': 'Coverage by community',
  'overview.coverageCategory': 'Coverage by category',
  'overview.supplyCategory': 'Supply used by category',
  'overview.demandToClaim': 'Hours from demand to claim',
  'overview.demandToClaimSummary': 'median {p50} h · 90% within {p90} h · {count} claims',
  'overview.statusCounts': 'Projects by status',
  'overview.openHall': 'Projects in the open hall',
  'overview.openHallEmpty': 'The open hall is empty',
  'overview.openHallSince': 'entered the hall {time}',
  'overview.units': 'Unit contributions and points',
  'overview.requested': 'Requested',
  'overview.allocated': 'Allocated',
  'overview.claimed': 'Claimed',
  'overview.offered': 'Offered',
  'overview.used': 'Used',
  'overview.projects': 'Projects',
  'overview.points': 'Points',
  'overview.hours': 'hours',
  'overview.count': 'Projects',

  'map.title': 'Resources and demands',
  'map.demands': 'Demands',
  'map.unmetDemands': 'Unmet demands',
  'map.resources': 'Resources',
  'map.links': 'Matches',
  'map.lng': 'Longitude',
  'map.lat': 'Latitude',
  'map.summary': '{demands} demands ({unmet} unmet) · {resources} resources · {links} matches',
  'map.hint': 'Scroll to zoom, drag to pan. Positions are plotted by coordinates, without a base map.',
  'map.capacity': 'Capacity',
  'map.used': 'used',
  'map.radius': 'service radius {km} km',
  'map.linkStatus': 'Status',

  'offers.open': 'Open offers',
  'offers.history': 'Earlier offers',
  'offers.empty': 'No offers yet',
  'offers.openEmpty': 'No open offers right now',
  'offers.community': 'Community',
  'offers.quantity': 'Offered',
  'offers.expires': 'Claim by {time}',
  'offers.expiresIn': ' ({relative})',
  'offers.claimQuantity': 'Quantity to claim',
  'offers.note': 'Note',
  'offers.notePlaceholder': 'e.g. our canteen covers weekday lunches',
  'offers.claim': 'Claim',
  'offers.decline': 'Decline',
  'offers.start': 'Start work',
  'offers.claimed': 'Claimed {accepted}{unit}',
  'offers.claimedPartly':
    'Claimed {accepted}{unit} (asked for {requested}{unit}; the rest was not available)',
  'offers.declined': 'Offer declined',
  'offers.started': 'Work has started',
  'offers.window': 'When',
  'offers.projectStatus': 'Project',

  'claims.empty': 'No claims yet',
  'claims.project': 'Project',
  'claims.quantity': 'Asked',
  'claims.accepted': 'Accepted',
  'claims.decision': 'Decision',
  'claims.at': 'At',
  'claims.projectStatus': 'Project status',
  'claims.actions': 'Actions',

  'points.total': 'Total points',
  'points.trend': 'Points over time',
  'points.empty': 'No points yet',
  'points.project': 'Project',
  'points.points': 'Points',
  'points.reason': 'Reason',
  'points.at': 'At',

  'demands.empty': 'You have not posted any demand yet',
  'demands.post': 'Post a demand',
  'demands.noProject': 'No project yet',
  'demands.units': 'Served by: {units}',
  'demands.unmet': '{unmet}{unit} unmet',
  'demands.rating': 'Rating',
  'demands.ratingStar': '{n} stars',
  'demands.note': 'Comment',
  'demands.notePlaceholder': 'How it went, what residents said',
  'demands.confirmComplete': 'Confirm completed',
  'demands.completed': 'Marked completed, thank you',

  'post.title': 'Post a demand',
  'post.intro':
    'Describe one demand. The platform checks it with the same rules as the API and marks any problem under its field.',
  'post.field.title': 'Title',
  'post.field.titlePlaceholder': 'e.g. meals for elderly residents',
  'post.field.description': 'Description',
  'post.field.category': 'Category',
  'post.field.quantity': 'Quantity',
  'post.field.unit': 'Counted in',
  'post.field.address': 'Address',
  'post.field.addressPlaceholder': 'e.g. Building 52, Community 014',
  'post.field.lat': 'Latitude',
  'post.field.lng': 'Longitude',
  'post.field.windowFrom': 'From',
  'post.field.windowTo': 'To',
  'post.field.urgency': 'Urgency',
  'post.field.beneficiaries': 'Beneficiaries',
  'post.choose': 'Choose…',
  'post.section.what': 'What is needed',
  'post.section.where': 'Where',
  'post.section.when': 'When',
  'post.submit': 'Submit demand',
  'post.problems': 'Not accepted: {count} problem(s), marked next to their fields',
  'post.field.latPlaceholder': 'e.g. 34.6852',
  'post.field.lngPlaceholder': 'e.g. 112.4371',
  'post.stored': 'Demand submitted (list {listId}); it joins the next matching round',
  'post.unchanged': 'This demand was already submitted unchanged',
  'post.viewDemands': 'View my demands',
};

/** @type {Record<Lang, Dictionary>} */
const DICTIONARIES = { 'zh-CN': zh, en };

let current = readStoredLang();
/** @type {Set<(lang: Lang) => void>} */
const listeners = new Set();

/** @returns {Lang} */
function readStoredLang() {
  try {
    const stored = localStorage.getItem(LANG_KEY);
    return isLang(stored) ? stored : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/**
 * @param {unknown} value
 * @returns {value is Lang}
 */
function isLang(value) {
  return /** @type {readonly unknown[]} */ (LANGS).includes(value);
}

export function getLang() {
  return current;
}

/** @param {string} lang */
export function setLang(lang) {
  if (!isLang(lang) || lang === current) return;
  current = lang;
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private mode may refuse storage; the switch still holds for this page.
  }
  document.documentElement.lang = lang;
  for (const listener of listeners) listener(lang);
}

/**
 * Calls `listener` after every language switch; the function returned stops that.
 * @param {(lang: Lang) => void} listener
 */
export function onLangChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Whether a language (the page's, unless named) has a string for the key.
 * @param {string} key
 * @param {Lang} [lang]
 */
export function has(key, lang = current) {
  return key in DICTIONARIES[lang];
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Looks up a string and fills `{name}` placeholders; an unknown key shows as itself.
 * @param {string} key
 * @param {Record<string, unknown>} [params]
 * @returns {string}
 */
export function t(key, params = {}) {
  const template = DICTIONARIES[current][key] ?? DICTIONARIES['zh-CN'][key] ?? key;
  return template.replace(PLACEHOLDER, (match, name) => (name in params ? String(params[name]) : match));
}

// Codes from the server that may grow (alliances extend the taxonomy): show the raw code
// rather than nothing when there is no translation yet.
/**
 * @param {string} prefix
 * @param {string | null | undefined} code
 */
function codeLabel(prefix, code) {
  if (code === null || code === undefined || code === '') return t('common.none');
  const key = `${prefix}.${code}`;
  return has(key) ? t(key) : String(code);
}

/** @typedef {(code: string | null | undefined) => string} CodeLabel */

/** @type {CodeLabel} */
export const statusLabel = (status) => codeLabel('status', status);
/** @type {CodeLabel} */
export const reasonLabel = (reason) => codeLabel('reason', reason);
/** @type {CodeLabel} */
export const categoryLabel = (category) => codeLabel('category', category);
/** @type {CodeLabel} */
export const roleLabel = (role) => codeLabel('role', role);
/** @type {CodeLabel} */
export const componentLabel = (name) => codeLabel('component', name);
/** @type {CodeLabel} */
export const urgencyLabel = (urgency) => codeLabel('urgency', urgency);
/** @type {CodeLabel} */
export const offerStatusLabel = (status) => codeLabel('offerStatus', status);
/** @type {CodeLabel} */
export const stageLabel = (stage) => codeLabel('stage', stage);
/** @type {CodeLabel} */
export const decisionLabel = (decision) => codeLabel('decision', decision);
/** @type {CodeLabel} */
export const claimCodeLabel = (code) => codeLabel('claimCode', code);
/** @type {CodeLabel} */
export const problemLabel = (code) => (has(`problem.${code}`) ? t(`problem.${code}`) : '');

/**
 * A quantity unit as a suffix ("份", " meals"); unknown units keep their code.
 * @param {string | null | undefined} unit
 */
export function unitSuffix(unit) {
  if (!unit) return '';
  const key = `unit.${unit}`;
  return has(key) ? t(key) : ` ${unit}`;
}

/**
 * The unit's name on its own, for a select's options.
 * @param {string | null | undefined} unit
 */
export function unitName(unit) {
  return unitSuffix(unit).trim();
}

// The matching engine explains each score component as a code with parameters
// (libs/contracts SCORE_EXPLANATION_PARAMS) and, for logs and audits, an English `detail`.
// The page words the code in its language; these parameters hold category codes, shown by
// their labels. Without a template for the code, or its parameters (an explanation stored
// before codes existed, or a code newer than this page), `detail` shows as it came.
const CATEGORY_PARAMS = ['category', 'resourceCategory', 'demandCategory'];

/**
 * @param {Partial<import('./types/api.js').components['schemas']['ScoreComponentEntry']> | null | undefined} component
 * @returns {string}
 */
export function scoreExplanationLabel(component) {
  const detail = String(component?.detail ?? '');
  const { code, params } = component ?? {};
  const key = `explain.${code}`;
  if (typeof code !== 'string' || !has(key) || params === null || typeof params !== 'object') return detail;
  const template = DICTIONARIES[current][key] ?? '';
  const wanted = [...template.matchAll(PLACEHOLDER)].map(([, name = '']) => name);
  if (!wanted.every((name) => Object.hasOwn(params, name))) return detail;
  const shown = { ...params };
  for (const name of CATEGORY_PARAMS) {
    if (Object.hasOwn(shown, name)) shown[name] = categoryLabel(String(shown[name]));
  }
  return t(key, shown);
}
