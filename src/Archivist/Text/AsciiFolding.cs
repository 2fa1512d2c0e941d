using System.Collections.Frozen;

namespace Archivist.Text;

/// <summary>
/// Folds accented and compound Latin letters to ASCII (é → e, ß → ss, Æ → AE, ﬁ → fi), like Lucene's
/// ASCIIFoldingFilter. A fixed table rather than Unicode normalisation: the tool runs with invariant
/// globalisation (no ICU), and the browser's search analyser mirrors this exact table
/// (templates/assets/search/folding.js), so both sides fold identically on every machine.
/// </summary>
public static class AsciiFolding
{
    // Generated from Unicode NFKD decompositions (combining marks dropped) for U+00C0–U+024F,
    // U+1E00–U+1EFF and the ligatures U+FB00–U+FB06, plus letters with no decomposition (ß, æ, ø, ł, đ, þ…).
    private const string Letters = "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĲĳĴĵĶķĸĹĺĻļĽľĿŀŁłŃńŅņŇňŉŊŋŌōŎŏŐőŒœŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƀƁƇƈƉƋƌƒƘƙƚƞƠơƤƥƬƭƯưƳƴƵƶǄǅǆǇǈǉǊǋǌǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǤǥǦǧǨǩǪǫǬǭǰǱǲǳǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȠȤȥȦȧȨȩȪȫȬȭȮȯȰȱȲȳȴȵȶȷȸȹȽɆɇɈɉɊɋɌɍɎɏḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẛẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹﬀﬁﬂﬃﬄﬅﬆ";
    private const string Folds = "A|A|A|A|A|A|AE|C|E|E|E|E|I|I|I|I|D|N|O|O|O|O|O|O|U|U|U|U|Y|TH|ss|a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o|o|u|u|u|u|y|th|y|A|a|A|a|A|a|C|c|C|c|C|c|C|c|D|d|D|d|E|e|E|e|E|e|E|e|E|e|G|g|G|g|G|g|G|g|H|h|H|h|I|i|I|i|I|i|I|i|I|i|IJ|ij|J|j|K|k|q|L|l|L|l|L|l|L|l|L|l|N|n|N|n|N|n|n|N|n|O|o|O|o|O|o|OE|oe|R|r|R|r|R|r|S|s|S|s|S|s|S|s|T|t|T|t|T|t|U|u|U|u|U|u|U|u|U|u|U|u|W|w|Y|y|Y|Z|z|Z|z|Z|z|s|b|B|C|c|D|D|d|f|K|k|l|n|O|o|P|p|T|t|U|u|Y|y|Z|z|DZ|Dz|dz|LJ|Lj|lj|NJ|Nj|nj|A|a|I|i|O|o|U|u|U|u|U|u|U|u|U|u|A|a|A|a|G|g|G|g|K|k|O|o|O|o|j|DZ|Dz|dz|G|g|N|n|A|a|A|a|A|a|E|e|E|e|I|i|I|i|O|o|O|o|R|r|R|r|U|u|U|u|S|s|T|t|H|h|N|Z|z|A|a|E|e|O|o|O|o|O|o|O|o|Y|y|l|n|t|j|db|qp|L|E|e|J|j|Q|q|R|r|Y|y|A|a|B|b|B|b|B|b|C|c|D|d|D|d|D|d|D|d|D|d|E|e|E|e|E|e|E|e|E|e|F|f|G|g|H|h|H|h|H|h|H|h|H|h|I|i|I|i|K|k|K|k|K|k|L|l|L|l|L|l|L|l|M|m|M|m|M|m|N|n|N|n|N|n|N|n|O|o|O|o|O|o|O|o|P|p|P|p|R|r|R|r|R|r|R|r|S|s|S|s|S|s|S|s|S|s|T|t|T|t|T|t|T|t|U|u|U|u|U|u|U|u|U|u|V|v|V|v|W|w|W|w|W|w|W|w|W|w|X|x|X|x|Y|y|Z|z|Z|z|Z|z|h|t|w|y|s|A|a|A|a|A|a|A|a|A|a|A|a|A|a|A|a|A|a|A|a|A|a|A|a|E|e|E|e|E|e|E|e|E|e|E|e|E|e|E|e|I|i|I|i|O|o|O|o|O|o|O|o|O|o|O|o|O|o|O|o|O|o|O|o|O|o|O|o|U|u|U|u|U|u|U|u|U|u|U|u|U|u|Y|y|Y|y|Y|y|Y|y|ff|fi|fl|ffi|ffl|st|st";

    private static readonly FrozenDictionary<char, string> Table = Build();

    /// <summary>The ASCII form of <paramref name="c"/>, or null when it is not a foldable letter.</summary>
    public static string? Fold(char c) => c < '\u00C0' ? null : Table.GetValueOrDefault(c);

    /// <summary>Folds every foldable letter in <paramref name="text"/>; returns the same instance when nothing changes.</summary>
    public static string FoldAll(string text)
    {
        var i = 0;
        while (i < text.Length && (text[i] < '\u00C0' || !Table.ContainsKey(text[i]))) i++;
        if (i == text.Length) return text;
        var sb = new System.Text.StringBuilder(text.Length + 8).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var folded = Fold(text[i]);
            if (folded is null) sb.Append(text[i]);
            else sb.Append(folded);
        }
        return sb.ToString();
    }

    private static FrozenDictionary<char, string> Build()
    {
        var folds = Folds.Split('|');
        return Letters.Select((c, i) => (c, folds[i])).ToFrozenDictionary(p => p.c, p => p.Item2);
    }
}
