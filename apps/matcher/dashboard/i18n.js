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

  'login.title': '登录',
  'login.field.login': '手机号',
  'login.field.loginHint': '登录名，通常是您的手机号',
  'login.field.password': '密码',
  'login.submit': '登录',
  'login.noAccount': '还没有账号？请向本联盟的联席会协调员索取邀请链接或二维码。',
  'login.noMembership': '该账号尚未加入任何联盟，请联系联席会协调员',
  'login.badName': '手机号格式不正确',
  // Chinese sentences follow each other without a space; English ones with one.
  'login.wait': '尝试次数过多。请在 {wait}后再试。',
  'login.signingOut': '正在退出…',
  'login.demoTitle': '演示环境：使用登录链接',
  'login.body':
    '本地演示时，也可以使用运行 npm start 时终端打印的登录链接打开本页面。链接中的访问令牌只保存在当前浏览器标签页中，过期后需重新使用登录链接。',
  'login.hint': '登录链接形如 http://localhost:…/dashboard/#token=…',
  'login.reason': '原因：{reason}',
  'login.reason.unauthorized': '登录已失效或令牌无效',
  'login.reason.expired': '登录已过期',
  'login.reason.signedOut': '您已退出登录',
  'login.reason.sessionEnded': '登录已结束（已在别处退出、已过期或账号已停用）',
  'login.reason.otherTab': '此标签页复制自另一个已登录的标签页，请在此重新登录',

  'membership.choose': '选择身份',
  'membership.chooseIntro': '{name}，您的账号有多个身份，请选择本次使用的身份。登录后可在“我的账号”中切换。',
  'membership.scope.all': '全部联盟',
  'membership.scope.alliance': '联盟 {alliance}',
  'membership.scope.member': '{member} · 联盟 {alliance}',

  // 统一身份认证 single sign-on with the deployment's OpenID Connect provider
  'sso.defaultName': '统一身份认证',
  'sso.signIn': '使用{name}登录',
  'sso.or': '或',
  'sso.completing': '正在完成登录…',
  'sso.acceptInvite': '用{name}接受邀请',
  'sso.acceptInviteNote': '由{name}核实您的身份，无需设置密码。',
  'sso.refused': '未能通过统一身份认证登录',
  'sso.refused.sign-in-failed': '未能通过统一身份认证登录',
  'sso.refused.sign-on-not-linked':
    '这个统一身份认证账号还没有关联本系统的账户。第一次使用？请先打开联席会协调员发给您的邀请链接，接受邀请。',

  'password.rules': '至少 10 个字符；不要使用常见密码，也不要包含手机号。',
  'password.mismatch': '两次输入的密码不一致',
  'password.rejected': '密码不符合要求',

  'time.seconds': '{n} 秒',
  'time.minutes': '{n} 分钟',

  'link.loading': '正在读取链接…',
  'link.invalid.title': '链接不可用',
  'link.invalid.body':
    '链接只能使用一次，并有有效期。请联系发给您链接的人重新获取；如已设置过密码，请直接登录。',
  'link.toSignIn': '前往登录',
  'link.leave': '不使用此链接，返回',
  'link.setup.title': '设置密码',
  'link.setup.intro': '{name}，您好！请为账号 {login} 设置登录密码，设置后即可登录。',
  'link.setup.submit': '设置密码并登录',
  'link.invite.title': '接受邀请',
  'link.invite.unit': '您受邀作为成员单位「{member}」的代表，加入联盟 {alliance}。',
  'link.invite.community': '您受邀作为社区「{member}」的代表，加入联盟 {alliance}。',
  'link.invite.coordinator': '您受邀担任联盟 {alliance} 的联席会协调员。',
  'link.invite.existing': '已有账号？填写该账号的手机号和密码，此身份将加入您的账号，密码不变。',
  'link.invite.submit': '接受邀请并登录',
  'link.role': '身份',
  'link.alliance': '联盟',
  'link.expires': '链接有效期至',
  'link.field.login': '手机号',
  'link.field.loginHint': '今后用它登录',
  'link.field.displayName': '姓名',
  'link.field.displayNameHint': '联盟中其他人看到的称呼',
  'link.field.password': '密码',
  'link.field.passwordAgain': '再次输入密码',

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
  'tab.roster': '成员名册',
  'tab.invites': '邀请',
  'tab.members': '成员账户',
  'tab.accounts': '账号管理',
  'tab.account': '我的账号',
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
  'reason.rejected': '联席会未通过',

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

  'error.sign-in-failed': '手机号或密码不正确',
  'error.too-many-attempts': '尝试次数过多。',
  'error.session-ended': '登录已结束，请重新登录',
  'error.link-invalid': '链接无效、已过期或已被使用',
  'error.sign-on-not-linked': '这个统一身份认证账号还没有关联本系统的账户',
  'error.account-exists': '该手机号已有账号',
  'error.account-not-found': '账号不存在',
  'error.member-not-found': '名册中没有该成员，或尚未批准加入',
  'error.member-exists': '名册中已有该编号的成员',
  'error.not-a-member': '提交者不是本联盟已批准的成员',
  'error.unauthenticated': '登录已失效，请重新登录',
  'error.forbidden': '当前账号无权执行此操作',
  'error.not-found': '不存在或不属于本联盟',
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

  'copy.button': '复制链接',
  'copy.done': '已复制，可粘贴到微信发送',
  'copy.failed': '无法自动复制：链接已选中，请手动复制',

  'account.profile': '账号信息',
  'account.displayName': '姓名',
  'account.login': '登录手机号',
  'account.demo': '您是通过演示登录链接进入的，此登录没有对应的账号。',
  'account.memberships': '我的身份',
  'account.membershipsNote': '切换身份后，页面将按该身份显示。',
  'account.current': '当前身份',
  'account.switch': '切换到此身份',
  'account.sessions': '登录设备',
  'account.sessionsNote': '手机丢失或在别人的电脑上登录过？结束那里的会话，对方需重新登录。',
  'account.thisDevice': '本设备',
  'account.sessionTimes': '登录于 {created}，最近使用 {used}',
  'account.endSession': '结束此会话',
  'account.sessionEnded': '已结束该会话',
  'account.unknownDevice': '未知设备',
  'account.wechat': '微信',
  'account.password': '修改密码',
  'account.signInMethod': '登录方式',
  'account.noPassword': '此账户通过统一身份认证登录，未设置密码。',
  'account.currentPassword': '当前密码',
  'account.currentPasswordWrong': '当前密码不正确',
  'account.newPassword': '新密码',
  'account.newPasswordAgain': '再次输入新密码',
  'account.changePassword': '修改密码',
  'account.passwordChanged': '密码已修改；其他设备上的 {count} 个会话已结束',
  'account.signOut': '退出登录',

  'accountStatus.active': '正常',
  'accountStatus.disabled': '已停用',
  'accounts.list': '全部账号',
  'accounts.empty': '还没有账号',
  'accounts.create': '新建账号',
  'accounts.intro': '新账号没有密码：创建后会生成一次性的设置链接，请发给本人，由本人设置密码。',
  'accounts.field.login': '手机号（登录名）',
  'accounts.loginHint': '也可以是 3–64 位字母、数字或 . _ @ -',
  'accounts.field.displayName': '姓名',
  'accounts.field.role': '身份',
  'accounts.field.allianceId': '联盟编号',
  'accounts.field.unitId': '成员单位编号',
  'accounts.field.communityId': '社区编号',
  'accounts.submit': '创建账号并生成设置链接',
  'accounts.created': '已创建账号：{name}（{login}）',
  'accounts.newSetupLink': '新的设置链接',
  'accounts.resetCreated': '已为 {name}（{login}）生成新的设置链接：打开后设置新密码，其现有登录随即全部结束',
  'accounts.setupOnce': '设置密码链接只显示这一次，有效期至 {expires}。请现在复制并发给本人。',
  'accounts.setupLink': '设置密码链接',
  'accounts.another': '继续新建账号',
  'accounts.col.name': '姓名 / 登录名',
  'accounts.col.memberships': '身份',
  'accounts.col.status': '状态',
  'accounts.col.actions': '操作',
  'accounts.noPassword': '尚未设置密码',
  'accounts.disable': '停用',
  'accounts.enable': '启用',
  'accounts.disabled': '已停用 {name} 的账号，其所有登录已结束',
  'accounts.enabled': '已启用 {name} 的账号',
  'accounts.you': '当前账号',

  'memberKind.unit': '成员单位',
  'memberKind.community': '社区',
  'memberStatus.active': '已加入',
  'memberStatus.pending': '待审核',
  'memberStatus.refused': '已拒绝',
  'memberStatus.withdrawn': '已退出',
  'unitKind.university': '高校',
  'unitKind.research-institute': '科研院所',
  'unitKind.hospital': '医院',
  'unitKind.company': '企业',
  'unitKind.school': '学校',
  'unitKind.government': '机关',
  'unitKind.other': '其他',
  'roster.noAlliance': '请先在页首选择联盟',
  'roster.empty': '没有符合条件的成员',
  'roster.pendingCount': '{count} 个待审核',
  'roster.add': '添加成员',
  'roster.addTitle': '添加成员',
  'roster.addSubmit': '添加到名册',
  'roster.added': '已将「{name}」添加到名册',
  'roster.field.kind': '类型',
  'roster.field.memberId': '编号',
  'roster.field.memberIdHint': '该成员清单中使用的提交者编号，如 unit-henan-keji-daxue',
  'roster.field.name': '名称',
  'roster.field.unitKind': '单位类别',
  'roster.field.status': '状态',
  'roster.field.contactName': '联系人',
  'roster.field.contactPhone': '联系电话',
  'roster.field.address': '地址',
  'roster.field.lat': '纬度',
  'roster.field.lng': '经度',
  'roster.contact': '联系人',
  'roster.admit': '批准加入',
  'roster.refuse': '拒绝',
  'roster.admitted': '「{name}」已加入联盟，其清单将参与下一轮匹配',
  'roster.refused': '已拒绝「{name}」',
  'roster.invite': '邀请代表',
  'roster.edit': '编辑',
  'roster.save': '保存',
  'roster.saved': '已保存',

  'inviteStatus.open': '待接受',
  'inviteStatus.used': '已接受',
  'inviteStatus.expired': '已过期',
  'invite.create': '创建邀请',
  'invite.intro':
    '为名册中已加入的成员单位或社区的代表（或另一位协调员）生成一次性邀请链接和二维码，发到微信群或私信给对方。',
  'invite.for': '邀请谁',
  'invite.chooseWho': '请选择邀请对象',
  'invite.validFor': '有效期',
  'invite.days': '{n} 天',
  'invite.submit': '生成邀请',
  'invite.noMembers': '名册中还没有已加入的成员单位或社区。',
  'invite.toRoster': '前往成员名册',
  'invite.created': '邀请已生成：{who}',
  'invite.createdFor': '身份：{role} · 有效期至 {expires}',
  'invite.onlyOnce':
    '链接只显示这一次：请现在复制或保存二维码，只发给受邀本人。第一个使用链接的人将获得该身份。',
  'invite.link': '邀请链接',
  'invite.qrAlt': '{who} 的邀请二维码',
  'invite.qrHint': '在微信中可长按二维码保存或转发',
  'invite.download': '下载二维码',
  'invite.another': '继续邀请',
  'invite.list': '已发出的邀请',
  'invite.empty': '还没有发出邀请',
  'invite.col.who': '邀请对象',
  'invite.col.role': '身份',
  'invite.col.status': '状态',
  'invite.col.createdAt': '创建时间',
  'invite.col.expiresAt': '有效期至',
  'invite.col.usedAt': '接受时间',
  'invite.membersNote': '已接受邀请的成员见',

  'members.intro':
    '在本联盟中代表成员单位、社区或担任协调员的账号。代表换人时，在此移除原代表，再为新代表发出邀请。',
  'members.empty': '还没有人接受邀请',
  'members.you': '您本人',
  'members.grantedBy': '授权人',
  'members.otherAccount': '其他账号 {id}',
  'members.since': '加入时间',
  'members.lastActive': '最近使用',
  'members.neverSignedIn': '从未登录',
  'members.ownNote': '不能移除自己的身份；如需移除，请另一位协调员操作。',
  'members.remove': '移除',
  'members.removeRepresentative':
    '{person} 将不能再代表 {member} 登录，其在该身份下的登录会立即结束。账号和其他身份保留。',
  'members.removeCoordinator':
    '{person} 将不能再作为协调员管理本联盟，其在该身份下的登录会立即结束。账号和其他身份保留。',
  'members.confirmRemove': '确认移除',
  'members.removed': '已移除 {person} 的身份',

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

  'export.group': '导出',
  'export.excel': '导出 Excel',
  'export.csv': '导出 CSV',
  'export.rankings': '单位排名',
  'export.points': '积分明细',
  'export.claims': '认领记录',
  'report.title': '月度报告',
  'report.month': '报告月份',
  'report.open': '打开月度报告',
  'report.excel': '下载 Excel',
  'report.pickMonth': '请选择报告月份',

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
  'post.stored': '需求已提交，将参与下一轮匹配',
  'post.unchanged': '该需求此前已提交，内容未变化',
  'post.viewDemands': '查看我的需求',

  'tab.resource-list': '资源清单',
  'tab.import': '导入清单',
  'list.kind.resource': '资源清单',
  'list.kind.demand': '需求清单',
  'list.stored': '{list}已保存：第 {revision} 版，共 {count} 项，将参与下一轮匹配',
  'list.unchanged': '{list}与已保存的第 {revision} 版相同（共 {count} 项），未作改动',
  'upload.title': '上传{list}（Excel 或 CSV）',
  'upload.intro':
    '下载模板，按表头填写后上传。整份清单一起校验：有问题时一项都不保存，并指出问题所在的工作表、行和列。',
  'upload.introFor':
    '为「{name}」上传{list}：模板已填好其单位信息。有问题时一项都不保存，并指出问题所在的工作表、行和列。',
  'upload.template': '下载{list}模板',
  'upload.file': '选择文件（.xlsx 或 .csv）',
  'upload.submit': '上传并检查',
  'upload.sending': '正在上传：{percent}%',
  'upload.checking': '上传完成，正在检查清单…',
  'upload.chooseFile': '请先选择要上传的文件',
  'upload.sheet': '工作表',
  'upload.row': '行',
  'upload.column': '列',
  'upload.problem': '问题',
  'upload.markedCopy': '下载问题标注副本',
  'upload.markedCopyHint': '副本中有问题的单元格已标红并附批注，改好后可直接上传。',
  'upload.member': '为哪个成员上传',
  'upload.pickMember': '请先从成员名册中选择成员',
  'upload.noMembers': '成员名册中还没有可上传清单的成员',
  'upload.kind': '清单类型',
  'upload.refused.invalid-list': '未导入：共 {count} 处问题，见下表',
  'upload.refused.invalid-workbook': '文件无法作为清单读取，见下表',
  'upload.refused.not-a-member': '未导入：提交者不在本联盟成员名册中',
  'upload.refused.payload-too-large': '文件太大，未导入',
  'resourceList.intro':
    '逐行填写本单位可提供的资源。保存时整份清单作为新版本提交，由平台统一校验；有问题的字段会在所在行标出。',
  'resourceList.stored': '已保存第 {revision} 版，共 {count} 项',
  'resourceList.none': '尚未保存资源清单',
  'resourceList.which': '要修改的清单',
  'resourceList.option': '{listId}（第 {revision} 版，{count} 项）',
  'resourceList.row': '第 {n} 项',
  'resourceList.held': '已被匹配或认领，修改不生效',
  'resourceList.rowProblem': '本行有问题',
  'resourceList.addRow': '添加一行',
  'resourceList.removeRow': '删除此行',
  'resourceList.submit': '保存资源清单',
  'resourceList.problems': '未保存：共 {count} 处问题，已标注在对应行旁',
  'resourceList.field.title': '资源名称',
  'resourceList.field.category': '类别',
  'resourceList.field.quantity': '数量',
  'resourceList.field.unit': '计量单位',
  'resourceList.field.serviceRadiusKm': '服务半径（公里）',
  'resourceList.field.address': '地址',
  'resourceList.field.lat': '纬度',
  'resourceList.field.lng': '经度',
  'resourceList.field.from': '可提供开始日期',
  'resourceList.field.to': '可提供截止日期',
  'resourceList.field.description': '备注',
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

  'login.title': 'Sign in',
  'login.field.login': 'Mobile number',
  'login.field.loginHint': 'Your sign-in name, usually your mobile number',
  'login.field.password': 'Password',
  'login.submit': 'Sign in',
  'login.noAccount': 'No account yet? Ask your alliance coordinator for an invite link or QR code.',
  'login.noMembership': 'This account belongs to no alliance yet; ask your alliance coordinator',
  'login.badName': 'Not a valid mobile number or sign-in name',
  'login.wait': 'Too many attempts. Please try again in {wait}.',
  'login.signingOut': 'Signing out…',
  'login.demoTitle': 'Demo: sign in with a login link',
  'login.body':
    'For a local demo, open this page with a login link printed by npm start. The link carries an access token that is kept in this browser tab only; once it expires, open the link again.',
  'login.hint': 'A login link looks like http://localhost:…/dashboard/#token=…',
  'login.reason': 'Reason: {reason}',
  'login.reason.unauthorized': 'the session is invalid or has expired',
  'login.reason.expired': 'the session has expired',
  'login.reason.signedOut': 'You signed out',
  'login.reason.sessionEnded':
    'the session ended (signed out elsewhere, expired, or the account was disabled)',
  'login.reason.otherTab': 'this tab is a copy of another signed-in tab; please sign in here too',

  'membership.choose': 'Choose a role',
  'membership.chooseIntro':
    '{name}, your account has several roles. Choose the one to use now; you can switch on “My account”.',
  'membership.scope.all': 'all alliances',
  'membership.scope.alliance': 'alliance {alliance}',
  'membership.scope.member': '{member} · alliance {alliance}',

  'sso.defaultName': 'single sign-on',
  'sso.signIn': 'Sign in with {name}',
  'sso.or': 'or',
  'sso.completing': 'Finishing signing in…',
  'sso.acceptInvite': 'Accept with {name}',
  'sso.acceptInviteNote': '{name} confirms who you are; no password needed.',
  'sso.refused': 'Single sign-on did not sign you in',
  'sso.refused.sign-in-failed': 'Single sign-on did not sign you in',
  'sso.refused.sign-on-not-linked':
    'This single sign-on identity is not linked to an account here yet. First time here? Open the invite link your alliance coordinator sent you and accept the invitation first.',

  'password.rules': 'At least 10 characters; not a common password, and not containing your mobile number.',
  'password.mismatch': 'The two passwords differ',
  'password.rejected': 'This password is not accepted',

  'time.seconds': '{n} seconds',
  'time.minutes': '{n} minutes',

  'link.loading': 'Reading the link…',
  'link.invalid.title': 'This link cannot be used',
  'link.invalid.body':
    'A link works once and for a limited time. Ask whoever sent it for a new one; if you already chose a password, sign in.',
  'link.toSignIn': 'Go to sign-in',
  'link.leave': 'Do not use this link; go back',
  'link.setup.title': 'Choose your password',
  'link.setup.intro': 'Welcome, {name}! Choose the password for the account {login}; then you are signed in.',
  'link.setup.submit': 'Set password and sign in',
  'link.invite.title': 'Accept the invitation',
  'link.invite.unit': 'You are invited to represent the member unit “{member}” in the alliance {alliance}.',
  'link.invite.community':
    'You are invited to represent the community “{member}” in the alliance {alliance}.',
  'link.invite.coordinator': 'You are invited to coordinate the alliance {alliance}.',
  'link.invite.existing':
    'Have an account already? Give its mobile number and password: this role is added to it, and the password stays.',
  'link.invite.submit': 'Accept and sign in',
  'link.role': 'Role',
  'link.alliance': 'Alliance',
  'link.expires': 'Valid until',
  'link.field.login': 'Mobile number',
  'link.field.loginHint': 'You sign in with it',
  'link.field.displayName': 'Name',
  'link.field.displayNameHint': 'How others in the alliance see you',
  'link.field.password': 'Password',
  'link.field.passwordAgain': 'Password again',

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
  'tab.roster': 'Roster',
  'tab.invites': 'Invites',
  'tab.members': 'Members',
  'tab.accounts': 'Accounts',
  'tab.account': 'My account',
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
  'reason.rejected': 'Rejected by the joint meeting',

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

  'error.sign-in-failed': 'The mobile number or password is not right',
  'error.too-many-attempts': 'Too many attempts.',
  'error.session-ended': 'The session has ended; please sign in again',
  'error.link-invalid': 'This link is invalid, expired or used',
  'error.sign-on-not-linked': 'This single sign-on identity is not linked to an account here',
  'error.account-exists': 'An account with this mobile number exists',
  'error.account-not-found': 'No such account',
  'error.member-not-found': 'Not on the roster, or not admitted yet',
  'error.member-exists': 'A member with this id is on the roster already',
  'error.not-a-member': 'The submitter is not an admitted member of the alliance',
  'error.unauthenticated': 'The session is no longer valid; please sign in again',
  'error.forbidden': 'Your account may not do this',
  'error.not-found': 'Not found in this alliance',
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

  'copy.button': 'Copy link',
  'copy.done': 'Copied; paste it into WeChat',
  'copy.failed': 'Could not copy: the link is selected, copy it by hand',

  'account.profile': 'Account',
  'account.displayName': 'Name',
  'account.login': 'Mobile number',
  'account.demo': 'You came in through a demo login link: there is no account behind this sign-in.',
  'account.memberships': 'My roles',
  'account.membershipsNote': 'After a switch, the pages show what that role sees.',
  'account.current': 'Current',
  'account.switch': 'Switch to this role',
  'account.sessions': 'Signed-in devices',
  'account.sessionsNote':
    'Lost a phone, or signed in on someone else’s computer? End that session; it has to sign in again.',
  'account.thisDevice': 'This device',
  'account.sessionTimes': 'signed in {created}, last used {used}',
  'account.endSession': 'End this session',
  'account.sessionEnded': 'Session ended',
  'account.unknownDevice': 'Unknown device',
  'account.wechat': 'WeChat',
  'account.password': 'Change password',
  'account.signInMethod': 'How you sign in',
  'account.noPassword': 'This account signs in through single sign-on and has no password.',
  'account.currentPassword': 'Current password',
  'account.currentPasswordWrong': 'The current password is not right',
  'account.newPassword': 'New password',
  'account.newPasswordAgain': 'New password again',
  'account.changePassword': 'Change password',
  'account.passwordChanged': 'Password changed; {count} session(s) on other devices ended',
  'account.signOut': 'Sign out',

  'accountStatus.active': 'Active',
  'accountStatus.disabled': 'Disabled',
  'accounts.list': 'All accounts',
  'accounts.empty': 'No accounts yet',
  'accounts.create': 'New account',
  'accounts.intro':
    'A new account has no password: it comes with a one-time setup link, to send to its owner, who chooses the password.',
  'accounts.field.login': 'Mobile number (sign-in name)',
  'accounts.loginHint': 'or 3–64 letters, digits and . _ @ -',
  'accounts.field.displayName': 'Name',
  'accounts.field.role': 'Role',
  'accounts.field.allianceId': 'Alliance id',
  'accounts.field.unitId': 'Member unit id',
  'accounts.field.communityId': 'Community id',
  'accounts.submit': 'Create account and setup link',
  'accounts.created': 'Account created: {name} ({login})',
  'accounts.newSetupLink': 'New setup link',
  'accounts.resetCreated':
    'A new setup link for {name} ({login}): opening it sets a new password and ends all their sessions',
  'accounts.setupOnce':
    'The setup link is shown this once and works until {expires}. Copy it now and send it to its owner.',
  'accounts.setupLink': 'Setup link',
  'accounts.another': 'Create another account',
  'accounts.col.name': 'Name / sign-in',
  'accounts.col.memberships': 'Roles',
  'accounts.col.status': 'Status',
  'accounts.col.actions': 'Actions',
  'accounts.noPassword': 'no password set yet',
  'accounts.disable': 'Disable',
  'accounts.enable': 'Enable',
  'accounts.disabled': '{name}’s account disabled; all its sessions ended',
  'accounts.enabled': '{name}’s account enabled',
  'accounts.you': 'you',

  'memberKind.unit': 'Member unit',
  'memberKind.community': 'Community',
  'memberStatus.active': 'Active',
  'memberStatus.pending': 'Pending',
  'memberStatus.refused': 'Refused',
  'memberStatus.withdrawn': 'Withdrawn',
  'unitKind.university': 'University',
  'unitKind.research-institute': 'Research institute',
  'unitKind.hospital': 'Hospital',
  'unitKind.company': 'Company',
  'unitKind.school': 'School',
  'unitKind.government': 'Government office',
  'unitKind.other': 'Other',
  'roster.noAlliance': 'Choose an alliance at the top first',
  'roster.empty': 'No members match',
  'roster.pendingCount': '{count} pending',
  'roster.add': 'Add member',
  'roster.addTitle': 'Add a member',
  'roster.addSubmit': 'Add to roster',
  'roster.added': '“{name}” added to the roster',
  'roster.field.kind': 'Kind',
  'roster.field.memberId': 'Id',
  'roster.field.memberIdHint': 'The submitter id its lists use, e.g. unit-henan-keji-daxue',
  'roster.field.name': 'Name',
  'roster.field.unitKind': 'Kind of unit',
  'roster.field.status': 'Status',
  'roster.field.contactName': 'Contact person',
  'roster.field.contactPhone': 'Contact phone',
  'roster.field.address': 'Address',
  'roster.field.lat': 'Latitude',
  'roster.field.lng': 'Longitude',
  'roster.contact': 'Contact',
  'roster.admit': 'Admit',
  'roster.refuse': 'Refuse',
  'roster.admitted': '“{name}” admitted; its lists join the next round',
  'roster.refused': '“{name}” refused',
  'roster.invite': 'Invite representative',
  'roster.edit': 'Edit',
  'roster.save': 'Save',
  'roster.saved': 'Saved',

  'inviteStatus.open': 'Open',
  'inviteStatus.used': 'Accepted',
  'inviteStatus.expired': 'Expired',
  'invite.create': 'New invite',
  'invite.intro':
    'A one-time link and QR code for the representative of an admitted roster member (or another coordinator), to send in a WeChat group or message.',
  'invite.for': 'Invite',
  'invite.chooseWho': 'Choose whom to invite',
  'invite.validFor': 'Valid for',
  'invite.days': '{n} day(s)',
  'invite.submit': 'Create invite',
  'invite.noMembers': 'The roster has no admitted member unit or community yet.',
  'invite.toRoster': 'Go to the roster',
  'invite.created': 'Invite created: {who}',
  'invite.createdFor': 'Role: {role} · valid until {expires}',
  'invite.onlyOnce':
    'The link is shown this once: copy it or save the QR code now, and send it only to the person invited. Whoever uses it first gets the role.',
  'invite.link': 'Invite link',
  'invite.qrAlt': 'Invite QR code for {who}',
  'invite.qrHint': 'In WeChat, press and hold the QR code to save or forward it',
  'invite.download': 'Download QR code',
  'invite.another': 'Invite someone else',
  'invite.list': 'Invites sent',
  'invite.empty': 'No invites yet',
  'invite.col.who': 'Invited',
  'invite.col.role': 'Role',
  'invite.col.status': 'Status',
  'invite.col.createdAt': 'Created',
  'invite.col.expiresAt': 'Valid until',
  'invite.col.usedAt': 'Accepted',
  'invite.membersNote': 'Invites accepted: see',

  'members.intro':
    'The accounts that represent a member unit or community in this alliance, or coordinate it. When a representative changes, remove the old one here and invite the new one.',
  'members.empty': 'Nobody has accepted an invite yet',
  'members.you': 'You',
  'members.grantedBy': 'Granted by',
  'members.otherAccount': 'another account, {id}',
  'members.since': 'Since',
  'members.lastActive': 'Last active',
  'members.neverSignedIn': 'Never signed in',
  'members.ownNote': 'You cannot remove your own membership; ask another coordinator.',
  'members.remove': 'Remove',
  'members.removeRepresentative':
    '{person} will no longer be able to sign in for {member}; their sessions in this role end at once. Their account and other roles stay.',
  'members.removeCoordinator':
    '{person} will no longer coordinate this alliance; their sessions in this role end at once. Their account and other roles stay.',
  'members.confirmRemove': 'Remove',
  'members.removed': '{person}’s membership removed',

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

  'export.group': 'Export',
  'export.excel': 'Export Excel',
  'export.csv': 'Export CSV',
  'export.rankings': 'Unit rankings',
  'export.points': 'Points ledger',
  'export.claims': 'Claims',
  'report.title': 'Monthly report',
  'report.month': 'Report month',
  'report.open': 'Open monthly report',
  'report.excel': 'Download Excel',
  'report.pickMonth': 'Choose the month of the report',

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
  'post.stored': 'Demand submitted; it joins the next matching round',
  'post.unchanged': 'This demand was already submitted unchanged',
  'post.viewDemands': 'View my demands',

  'tab.resource-list': 'Resource list',
  'tab.import': 'Import lists',
  'list.kind.resource': 'Resource list',
  'list.kind.demand': 'Demand list',
  'list.stored': '{list} saved: revision {revision}, {count} item(s); it joins the next matching round',
  'list.unchanged': '{list} is the same as the saved revision {revision} ({count} item(s)); nothing changed',
  'upload.title': 'Upload a {list} (Excel or CSV)',
  'upload.intro':
    'Download the template, fill it in under its headers and upload it. The whole list is checked at once: with any problem nothing is saved, and each problem is shown by sheet, row and column.',
  'upload.introFor':
    'Upload a {list} for “{name}”: the template comes with its details filled in. With any problem nothing is saved, and each problem is shown by sheet, row and column.',
  'upload.template': 'Download the {list} template',
  'upload.file': 'Choose a file (.xlsx or .csv)',
  'upload.submit': 'Upload and check',
  'upload.sending': 'Uploading: {percent}%',
  'upload.checking': 'Uploaded; checking the list…',
  'upload.chooseFile': 'Choose a file to upload first',
  'upload.sheet': 'Sheet',
  'upload.row': 'Row',
  'upload.column': 'Column',
  'upload.problem': 'Problem',
  'upload.markedCopy': 'Download the marked copy',
  'upload.markedCopyHint': 'The cells with problems are red and carry a note; fix them and upload the copy.',
  'upload.member': 'Upload for member',
  'upload.pickMember': 'Choose a member from the roster first',
  'upload.noMembers': 'No member on the roster can have lists uploaded yet',
  'upload.kind': 'List',
  'upload.refused.invalid-list': 'Not imported: {count} problem(s), listed below',
  'upload.refused.invalid-workbook': 'The file could not be read as a list; see below',
  'upload.refused.not-a-member': 'Not imported: the submitter is not on the alliance’s roster',
  'upload.refused.payload-too-large': 'The file is too large; not imported',
  'resourceList.intro':
    'Enter what your unit can offer, one row per resource. Saving sends the whole list as a new revision, checked by the platform; fields with problems are marked on their rows.',
  'resourceList.stored': 'Revision {revision} saved, {count} item(s)',
  'resourceList.none': 'No resource list saved yet',
  'resourceList.which': 'List to revise',
  'resourceList.option': '{listId} (revision {revision}, {count} item(s))',
  'resourceList.row': 'Item {n}',
  'resourceList.held': 'Matched or claimed: changes to it do not apply',
  'resourceList.rowProblem': 'This row has a problem',
  'resourceList.addRow': 'Add a row',
  'resourceList.removeRow': 'Remove this row',
  'resourceList.submit': 'Save resource list',
  'resourceList.problems': 'Not saved: {count} problem(s), marked on their rows',
  'resourceList.field.title': 'Resource',
  'resourceList.field.category': 'Category',
  'resourceList.field.quantity': 'Quantity',
  'resourceList.field.unit': 'Counted in',
  'resourceList.field.serviceRadiusKm': 'Service radius (km)',
  'resourceList.field.address': 'Address',
  'resourceList.field.lat': 'Latitude',
  'resourceList.field.lng': 'Longitude',
  'resourceList.field.from': 'Available from',
  'resourceList.field.to': 'Available until',
  'resourceList.field.description': 'Notes',
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
export const memberKindLabel = (kind) => codeLabel('memberKind', kind);
/** @type {CodeLabel} */
export const memberStatusLabel = (status) => codeLabel('memberStatus', status);
/** @type {CodeLabel} */
export const unitKindLabel = (kind) => codeLabel('unitKind', kind);
/** @type {CodeLabel} */
export const inviteStatusLabel = (status) => codeLabel('inviteStatus', status);
/** @type {CodeLabel} */
export const accountStatusLabel = (status) => codeLabel('accountStatus', status);
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
