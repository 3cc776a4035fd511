/**
 * The demo alliance `npm start` creates, after the 洛阳日报 report on 西工区's "五星"
 * branches: 邙岭路街道 binds 18 universities and research institutes into a party-building
 * alliance (红色众筹); 空空导弹研究院 gave 014中心社区 nearly 700 m² of office space and
 * shares its 幸福食堂; communities hand in residents' demand lists, units resource lists.
 * Coordinates are around 邙岭路, 西工区, 洛阳.
 */
/** Raised whenever the demo lists change, so a restart revises them instead of conflicting. */
export const DEMO_REVISION = 2;

export const DEMO_ALLIANCE = {
  id: 'luoyang-xigong-manglinglu',
  name: '西工区邙岭路街道红色众筹党建联盟',
};

const WINDOW = { from: '2026-12-01T08:00:00+08:00', to: '2027-01-31T18:00:00+08:00' };

export const DEMO_UNITS = [
  {
    id: 'unit-kongkong-daodan',
    name: '空空导弹研究院',
    items: [
      resource(
        'office-700sqm',
        'venue',
        '近700平方米办公用房（社区党群服务）',
        700,
        'sqm-days',
        34.6841,
        112.4367,
        3,
      ),
      resource('happy-canteen', 'elderly-care', '幸福食堂老人餐', 30, 'meals', 34.6846, 112.4372, 2),
      resource(
        'volunteers-cleanup',
        'environment',
        '党员志愿者环境整治',
        40,
        'person-hours',
        34.6838,
        112.4361,
        4,
      ),
    ],
  },
  {
    id: 'unit-henan-keji-daxue',
    name: '河南科技大学',
    items: [
      resource(
        'tutoring-students',
        'education',
        '大学生志愿者作业辅导',
        24,
        'sessions',
        34.6751,
        112.4419,
        6,
      ),
      resource('health-check-clinic', 'health', '校医院义诊与健康体检', 50, 'people', 34.6762, 112.4425, 5),
    ],
  },
  {
    id: 'unit-luoyang-ligong',
    name: '洛阳理工学院',
    items: [resource('repair-workshop', 'repairs', '家电维修志愿服务队', 12, 'visits', 34.6588, 112.3917, 2)],
  },
];

export const DEMO_COMMUNITIES = [
  {
    id: 'community-014',
    name: '014中心社区',
    items: [
      demand(
        'elderly-meals-52',
        'elderly-care',
        '幸福食堂老人送餐（52号楼独居老人）',
        40,
        'meals',
        34.6852,
        112.4371,
        'urgent',
        '014中心社区52号楼',
      ),
      demand(
        'homework-help',
        'education',
        '少年教育区课后作业辅导',
        16,
        'sessions',
        34.6849,
        112.4366,
        'routine',
        '014中心社区少年教育区',
      ),
      demand(
        'leyangju-health',
        'health',
        '乐养居老人健康体检',
        60,
        'people',
        34.6855,
        112.4378,
        'urgent',
        '014中心社区乐养居',
      ),
      demand(
        'ledao-cleanup',
        'environment',
        '1700米便民乐道环境整治',
        30,
        'person-hours',
        34.6843,
        112.4359,
        'routine',
        '014中心社区便民乐道',
      ),
      demand(
        'legal-consult',
        'legal',
        '居民法律咨询',
        10,
        'sessions',
        34.685,
        112.437,
        'routine',
        '014中心社区服务大厅',
      ),
    ],
  },
  {
    id: 'community-manglinglu',
    name: '邙岭路社区',
    items: [
      demand(
        'appliance-repair',
        'repairs',
        '老旧小区家电维修',
        8,
        'visits',
        34.6921,
        112.4502,
        'critical',
        '邙岭路社区老旧小区',
      ),
      demand(
        'office-space',
        'venue',
        '社区文明实践站活动场地',
        200,
        'sqm-days',
        34.6836,
        112.438,
        'routine',
        '邙岭路社区文明实践站',
      ),
    ],
  },
];

function resource(
  itemId: string,
  category: string,
  title: string,
  quantity: number,
  unit: string,
  lat: number,
  lng: number,
  serviceRadiusKm: number,
) {
  return {
    itemId,
    category,
    title,
    quantity,
    unit,
    location: { lat, lng },
    serviceRadiusKm,
    available: WINDOW,
  };
}

function demand(
  itemId: string,
  category: string,
  title: string,
  quantity: number,
  unit: string,
  lat: number,
  lng: number,
  urgency: 'routine' | 'urgent' | 'critical',
  address: string,
) {
  return {
    itemId,
    category,
    title,
    quantity,
    unit,
    location: { lat, lng, address },
    window: { from: '2026-12-05T08:00:00+08:00', to: '2027-01-15T18:00:00+08:00' },
    urgency,
  };
}
