/**
 * Names people search by that are not the official (CBS) name of the area, by area code. Only names in
 * common use that point to one area, each with its reason; the search also ignores case, accents,
 * apostrophes, hyphens and brackets ("sGravenhage", "s-hertogenbosch", "Bergen NH", "Bergen (L.)"),
 * and finds a dissolved gemeente's name under its successor, so those need no entry here.
 */
export const AREA_ALIASES: Readonly<Record<string, readonly string[]>> = {
  // The official name is 's-Gravenhage; the city calls itself Den Haag (and The Hague in English).
  GM0518: ['Den Haag', 'The Hague'],
  // 's-Hertogenbosch is known to almost everyone as Den Bosch.
  GM0796: ['Den Bosch'],
  // Two gemeenten called Bergen: CBS tells them apart by province.
  GM0373: ['Bergen Noord-Holland', 'Bergen NH'],
  GM0893: ['Bergen Limburg', 'Bergen L'],
  // CBS boundary files add the province letters; people add the province name.
  GM0164: ['Hengelo Overijssel'],
  GM0417: ['Laren Noord-Holland'],
  GM0603: ['Rijswijk Zuid-Holland'],
  GM0888: ['Beek Limburg'],
  GM0971: ['Stein Limburg'],
  // Frisian official names, and the Dutch names still used for them.
  GM1900: ['Zuidwest-Friesland', 'Zuidwest-Fryslân'],
  GM1970: ['Noordoost-Friesland', 'Noordoost-Fryslân'],
  GM0737: ['Tietjerksteradeel'],
  GM1891: ['Dantumadeel'],
  GM0080: ['Ljouwert'],
  // The province's official name is Fryslân (since 1997); Friesland is the common Dutch name.
  PV21: ['Friesland'],
  // Noord-Brabant is mostly called Brabant.
  PV30: ['Brabant'],
};
