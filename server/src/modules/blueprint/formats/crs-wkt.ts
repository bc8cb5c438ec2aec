import { FormatError } from './format-error.ts';
import { FormatIssueCode } from './format-issues.ts';
import { describeEpsg } from './gk-crs.ts';

const CGCS2000_GEOGCS =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const WGS84_GEOGCS = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** The ESRI WKT GDAL and ArcGIS write in a .prj for the CRSs we produce (same text as `gdalsrsinfo -o wkt_esri`). */
export function esriWkt(epsg: number): string {
  const d = describeEpsg(epsg);
  if (!d) throw new FormatError(FormatIssueCode.crsUnknown, `无法为 EPSG:${epsg} 写出 .prj：只支持 EPSG:4326、4490 和 CGCS2000 高斯-克吕格投影`);
  if (d.kind === 'geographic') return d.epsg === 4326 ? WGS84_GEOGCS : CGCS2000_GEOGCS;
  const width = d.zoneWidth === 3 ? '3_Degree_' : '';
  const name = d.prefixed ? `CGCS2000_${width}GK_Zone_${d.zone}` : `CGCS2000_${width}GK_CM_${d.centralMeridian}E`;
  return (
    `PROJCS["${name}",${CGCS2000_GEOGCS},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${d.falseEasting.toFixed(1)}],PARAMETER["False_Northing",0.0],` +
    `PARAMETER["Central_Meridian",${d.centralMeridian.toFixed(1)}],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`
  );
}
