//! Languages of short texts (issue 9, item 2): held-out sentences, word pairs and single words
//! in French, Italian and English, written for this test (news style) and never used to write
//! the detector's word lists. A text's language is what `analyze` reports for the whole text.
//! Accuracy on these sets, before the frequent-word lexicon and word shapes / with a few hundred
//! words per language / with the longer lists of `src/lexicon/`, the shared list and English
//! contractions / with the shapes and words added against lingua's test lists: sentences 0.944
//! / 0.989 / 0.989 / 0.989, word pairs 0.789 / 0.911 / 0.944 / 0.956, single words 0.689 /
//! 0.800 / 0.856 / 0.878.

use nomina::{Analyzer, Gazetteer, Lang};

fn accuracy(unit: &str, sets: &[(Lang, &str)]) -> f64 {
    let a = Analyzer::new(&Gazetteer::from_tsv_str("Q380\torganization\tMeta\n").unwrap()).unwrap();
    let mut total = 0;
    let mut right = 0;
    let mut wrong = Vec::new();
    for &(lang, items) in sets {
        for item in items.lines().map(str::trim).filter(|l| !l.is_empty()) {
            total += 1;
            let got = a.analyze(item).language();
            if got == Some(lang) {
                right += 1;
            } else {
                wrong.push(format!("{lang}: {item:?} -> {got:?}"));
            }
        }
    }
    let acc = f64::from(right) / f64::from(total);
    println!("{unit}: {right}/{total} = {acc:.3}; wrong: {wrong:#?}");
    acc
}

#[test]
fn sentences() {
    let acc = accuracy(
        "sentences",
        &[
            (Lang::French, FR_SENT),
            (Lang::Italian, IT_SENT),
            (Lang::English, EN_SENT),
        ],
    );
    assert!(acc >= 0.98, "sentences: {acc:.3}");
}

#[test]
fn word_pairs() {
    let acc = accuracy(
        "word_pairs",
        &[
            (Lang::French, FR_PAIR),
            (Lang::Italian, IT_PAIR),
            (Lang::English, EN_PAIR),
        ],
    );
    assert!(acc >= 0.93, "word_pairs: {acc:.3}");
}

#[test]
fn single_words() {
    let acc = accuracy(
        "single_words",
        &[
            (Lang::French, FR_WORD),
            (Lang::Italian, IT_WORD),
            (Lang::English, EN_WORD),
        ],
    );
    assert!(acc >= 0.83, "single_words: {acc:.3}");
}

const FR_SENT: &str = "\
Le maire a démissionné hier soir.
La grève des cheminots continue.
Les prix de l'essence ont encore augmenté.
Un incendie a ravagé un entrepôt à Lyon.
Le procès s'ouvrira en janvier.
Les députés ont rejeté le texte.
La neige bloque plusieurs routes du Jura.
Il pleuvra demain sur la Bretagne.
Le club a limogé son entraîneur.
Deux blessés dans un accident de car.
La banque centrale relève ses taux.
Les négociations ont échoué.
Le musée rouvre ses portes samedi.
Une enquête a été ouverte.
Le suspect a été interpellé à Marseille.
La récolte de blé sera faible cette année.
Les syndicats appellent à manifester.
Le ministre dément toute rumeur.
Le vaccin sera gratuit pour tous.
La ville installe de nouveaux radars.
Les urgences sont saturées.
Il a remporté le Tour de France.
Le chômage recule légèrement.
Les loyers flambent à Paris.
Un nouveau pont sera construit.
Le Sénat adopte la réforme.
La cour d'appel confirme la peine.
Les agriculteurs bloquent l'autoroute.
Le festival attire des milliers de visiteurs.
Elle a quitté le parti socialiste.";

const IT_SENT: &str = "\
Il sindaco si è dimesso ieri sera.
Lo sciopero dei treni continua.
I prezzi della benzina sono ancora saliti.
Un incendio ha distrutto un magazzino a Torino.
Il processo inizierà a gennaio.
I deputati hanno respinto il testo.
La neve blocca diverse strade in Trentino.
Domani pioverà su tutta la Sicilia.
La società ha esonerato l'allenatore.
Due feriti in un incidente stradale.
La banca centrale alza i tassi.
Le trattative sono fallite.
Il museo riapre sabato.
È stata aperta un'inchiesta.
Il sospettato è stato fermato a Napoli.
Il raccolto di grano sarà scarso quest'anno.
I sindacati chiamano alla protesta.
Il ministro smentisce ogni voce.
Il vaccino sarà gratuito per tutti.
Il comune installa nuovi autovelox.
Il pronto soccorso è al collasso.
Ha vinto il Giro d'Italia.
La disoccupazione cala leggermente.
Gli affitti salgono a Milano.
Sarà costruito un nuovo ponte.
Il Senato approva la riforma.
La corte d'appello conferma la pena.
Gli agricoltori bloccano l'autostrada.
Il festival richiama migliaia di visitatori.
Ha lasciato il partito democratico.";

const EN_SENT: &str = "\
The mayor resigned last night.
The rail strike goes on.
Petrol prices rose again.
A fire destroyed a warehouse in Leeds.
The trial will open in January.
Lawmakers rejected the bill.
Snow blocks several roads in Scotland.
It will rain tomorrow across Wales.
The club sacked its manager.
Two injured in a road crash.
The central bank raises rates.
Talks have collapsed.
The museum reopens on Saturday.
An inquiry has been opened.
The suspect was arrested in Bristol.
The wheat harvest will be poor this year.
Unions call for a walkout.
The minister denies every rumour.
The vaccine will be free for everyone.
The council installs new speed cameras.
Emergency wards are overwhelmed.
He won the Tour de France.
Unemployment falls slightly.
Rents soar in London.
A new bridge will be built.
The Senate passes the reform.
The appeals court upholds the sentence.
Farmers block the motorway.
The festival draws thousands of visitors.
She left the Labour party.";

const FR_PAIR: &str = "\
grève générale
maire démissionnaire
prix élevés
incendie criminel
procès historique
députés furieux
neige abondante
pluie battante
entraîneur limogé
accident mortel
taux directeurs
négociations rompues
musée rouvert
enquête ouverte
suspect interpellé
récolte médiocre
syndicats mobilisés
rumeur démentie
vaccin gratuit
radars automatiques
urgences saturées
chômage partiel
loyers chers
pont suspendu
réforme adoptée
peine confirmée
agriculteurs en colère
festival annulé
parti socialiste
élections municipales";

const IT_PAIR: &str = "\
sciopero generale
sindaco dimissionario
prezzi alti
incendio doloso
processo storico
deputati furiosi
neve abbondante
pioggia battente
allenatore esonerato
incidente mortale
tassi ufficiali
trattative interrotte
museo riaperto
inchiesta aperta
sospettato fermato
raccolto scarso
sindacati mobilitati
voce smentita
vaccino gratuito
autovelox nuovi
pronto soccorso
disoccupazione giovanile
affitti cari
ponte sospeso
riforma approvata
pena confermata
agricoltori arrabbiati
festival annullato
partito democratico
elezioni comunali";

const EN_PAIR: &str = "\
general strike
mayor resigns
high prices
arson attack
landmark trial
angry lawmakers
heavy snow
pouring rain
manager sacked
fatal crash
interest rates
talks collapse
museum reopens
inquiry launched
suspect arrested
poor harvest
unions walk
rumour denied
free vaccine
speed cameras
busy wards
youth unemployment
rising rents
suspension bridge
reform passed
sentence upheld
angry farmers
festival cancelled
Labour party
local elections";

const FR_WORD: &str = "\
grève
maire
incendie
procès
députés
neige
pluie
entraîneur
accident
négociations
musée
enquête
suspect
récolte
syndicats
rumeur
vaccin
urgences
chômage
loyers
pont
réforme
agriculteurs
élections
aujourd'hui
toujours
beaucoup
pourquoi
gouvernement
quotidien";

const IT_WORD: &str = "\
sciopero
sindaco
incendio
processo
deputati
neve
pioggia
allenatore
incidente
trattative
museo
inchiesta
sospettato
raccolto
sindacati
voce
vaccino
soccorso
disoccupazione
affitti
ponte
riforma
agricoltori
elezioni
oggi
sempre
molto
perché
governo
quotidiano";

const EN_WORD: &str = "\
strike
mayor
fire
trial
lawmakers
snow
rain
manager
crash
talks
museum
inquiry
suspect
harvest
unions
rumour
vaccine
wards
unemployment
rents
bridge
reform
farmers
elections
today
always
much
why
government
daily";
