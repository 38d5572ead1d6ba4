/**
 * The towns and larger villages of the seven Nottinghamshire districts and the neighbourhoods of
 * Nottingham City: real names at approximate centres, with rough sizes. The synthetic county
 * clusters its people, places and crime around them, and the offline map names them.
 */
const MANSFIELD = 'E07000174';
const ASHFIELD = 'E07000170';
const BASSETLAW = 'E07000171';
const BROXTOWE = 'E07000172';
const GEDLING = 'E07000173';
const NEWARK_AND_SHERWOOD = 'E07000175';
const RUSHCLIFFE = 'E07000176';
const NOTTINGHAM_CITY = 'E06000018';

export interface Town {
  name: string;
  districtCode: string;
  centre: { lon: number; lat: number };
  /** Relative size within its district (roughly thousands of residents). */
  weight: number;
  /** Spread of activity around the centre, metres (one standard deviation). */
  spreadMetres: number;
  /** Borders Nottingham City: where criminal exploitation crosses in from the city. */
  cityBorder: boolean;
}

function town(
  name: string,
  districtCode: string,
  lat: number,
  lon: number,
  weight: number,
  spreadMetres: number,
  cityBorder = false,
): Town {
  return { name, districtCode, centre: { lon, lat }, weight, spreadMetres, cityBorder };
}

/**
 * Approximate town-centre coordinates (a synth test checks each lies inside its district polygon),
 * with rough sizes: the synthetic data cluster around them and the map names them.
 */
export const towns: readonly Town[] = [
  town('Mansfield', MANSFIELD, 53.1438, -1.1986, 75, 1600),
  town('Mansfield Woodhouse', MANSFIELD, 53.166, -1.193, 18, 900),
  town('Market Warsop', MANSFIELD, 53.206, -1.152, 8, 600),
  town('Forest Town', MANSFIELD, 53.152, -1.16, 8, 600),
  town('Sutton-in-Ashfield', ASHFIELD, 53.125, -1.261, 45, 1300),
  town('Kirkby-in-Ashfield', ASHFIELD, 53.099, -1.245, 27, 1000),
  town('Hucknall', ASHFIELD, 53.038, -1.196, 33, 1100),
  town('Selston', ASHFIELD, 53.07, -1.305, 8, 700),
  town('Worksop', BASSETLAW, 53.301, -1.124, 45, 1300),
  town('Retford', BASSETLAW, 53.322, -0.943, 22, 900),
  town('Harworth', BASSETLAW, 53.417, -1.076, 8, 600),
  town('Carlton in Lindrick', BASSETLAW, 53.358, -1.11, 5, 500),
  town('Beeston', BROXTOWE, 52.926, -1.216, 37, 1100, true),
  town('Stapleford', BROXTOWE, 52.929, -1.274, 15, 800, true),
  town('Eastwood', BROXTOWE, 53.0, -1.3, 12, 700),
  town('Kimberley', BROXTOWE, 52.999, -1.26, 7, 600),
  town('Chilwell', BROXTOWE, 52.915, -1.235, 12, 700, true),
  town('Arnold', GEDLING, 53.005, -1.127, 38, 1100, true),
  town('Carlton', GEDLING, 52.965, -1.086, 28, 900, true),
  town('Netherfield', GEDLING, 52.964, -1.078, 8, 600, true),
  town('Gedling', GEDLING, 52.978, -1.08, 8, 600, true),
  town('Calverton', GEDLING, 53.037, -1.083, 7, 600),
  town('Burton Joyce', GEDLING, 52.985, -1.04, 4, 500),
  town('Newark-on-Trent', NEWARK_AND_SHERWOOD, 53.076, -0.809, 43, 1300),
  town('Southwell', NEWARK_AND_SHERWOOD, 53.077, -0.955, 7, 600),
  town('Ollerton', NEWARK_AND_SHERWOOD, 53.2, -1.01, 10, 700),
  town('Edwinstowe', NEWARK_AND_SHERWOOD, 53.195, -1.066, 5, 500),
  town('Clipstone', NEWARK_AND_SHERWOOD, 53.162, -1.104, 5, 500),
  town('Rainworth', NEWARK_AND_SHERWOOD, 53.119, -1.11, 8, 600),
  town('Blidworth', NEWARK_AND_SHERWOOD, 53.098, -1.12, 4, 500),
  town('West Bridgford', RUSHCLIFFE, 52.93, -1.127, 48, 1100, true),
  town('Bingham', RUSHCLIFFE, 52.952, -0.953, 10, 700),
  town('Radcliffe on Trent', RUSHCLIFFE, 52.947, -1.037, 8, 600, true),
  town('Cotgrave', RUSHCLIFFE, 52.912, -1.042, 7, 600),
  town('Ruddington', RUSHCLIFFE, 52.892, -1.15, 7, 600, true),
  town('Keyworth', RUSHCLIFFE, 52.87, -1.088, 7, 600),
  town('East Leake', RUSHCLIFFE, 52.832, -1.177, 7, 600),
  town('Nottingham city centre', NOTTINGHAM_CITY, 52.954, -1.15, 80, 1200),
  town('Hyson Green', NOTTINGHAM_CITY, 52.97, -1.167, 30, 800),
  town('Bulwell', NOTTINGHAM_CITY, 53.001, -1.196, 30, 900),
  town('Sneinton', NOTTINGHAM_CITY, 52.953, -1.13, 20, 700),
  town("St Ann's", NOTTINGHAM_CITY, 52.964, -1.14, 20, 700),
  town('Clifton', NOTTINGHAM_CITY, 52.904, -1.18, 25, 900),
  town('Radford', NOTTINGHAM_CITY, 52.958, -1.175, 20, 700),
  town('The Meadows', NOTTINGHAM_CITY, 52.94, -1.15, 15, 600),
  town('Bestwood', NOTTINGHAM_CITY, 53.01, -1.16, 20, 800),
];
