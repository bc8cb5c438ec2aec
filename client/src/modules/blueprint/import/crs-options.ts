/** CRS the user can declare for a file; '' lets the server read or guess it from the file. */
export const CRS_OPTIONS: Array<{ value: string; label: string }> = [
  { value: '', label: '自动识别' },
  { value: 'EPSG:4490', label: 'CGCS2000 经纬度（EPSG:4490）' },
  { value: 'EPSG:4326', label: 'WGS84 经纬度（EPSG:4326）' },
  { value: 'EPSG:4526', label: 'CGCS2000 3度带 38带 带号（EPSG:4526）' },
  { value: 'EPSG:4527', label: 'CGCS2000 3度带 39带 带号（EPSG:4527）' },
  { value: 'EPSG:4547', label: 'CGCS2000 3度带 中央经线114°（EPSG:4547）' },
  { value: 'EPSG:4548', label: 'CGCS2000 3度带 中央经线117°（EPSG:4548）' },
];

export const ACCEPTED_FILES = '.geojson,.json,.zip,.kml,.kmz,.txt';
