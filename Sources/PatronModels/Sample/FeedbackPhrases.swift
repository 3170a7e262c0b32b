/// Short customer comments in the five languages of the sample shop, by sentiment, written
/// for Patron's synthetic data. Some carry commas, quotes or two lines, as real exports do.
enum FeedbackPhrases {
    enum Tone: Int, CaseIterable { case positive, neutral, negative }

    static let languages = ["en", "sv", "nl", "de", "pl"]

    /// `phrases[language][tone]`
    static let phrases: [String: [[String]]] = [
        "en": [
            [
                "Fast delivery and the parcel was well packed. Thank you!",
                "Great quality, I will definitely order again.",
                "Lovely product, exactly as described.",
                "Customer support solved my question within an hour, excellent service.",
                "Really happy with this purchase, my daughter loves it!",
                "Good price, quick shipping, no complaints at all.",
            ],
            [
                "The order arrived on Tuesday.", "I ordered the blue one, as planned.",
                "Delivered to the pickup point.",
                "Second order this year.", "The size matches the chart.", "Paid by card, invoice received.",
            ],
            [
                "The parcel arrived late and the box was damaged.",
                "Still waiting for my refund, nobody answers my emails.",
                "Poor quality, it broke after two days.", "Wrong item delivered, very disappointing.",
                "Support was rude and unhelpful. I will not order again.",
                "The app crashed at checkout, \"payment failed\" twice.",
            ],
        ],
        "sv": [
            [
                "Snabb leverans och bra förpackat, tack!", "Jättebra kvalitet, jag beställer gärna igen.",
                "Mycket nöjd med köpet, precis som beskrivet.", "Kundtjänsten var supertrevlig och hjälpsam.",
                "Fin produkt till ett bra pris.", "Allt fungerade perfekt, rekommenderas!",
            ],
            [
                "Paketet kom på tisdagen.", "Jag beställde den gröna varianten.", "Hämtade ut paketet hos ombudet.",
                "Andra beställningen i år.", "Storleken stämmer med tabellen.", "Betalade med kort.",
            ],
            [
                "Leveransen var sen och kartongen var trasig.", "Väntar fortfarande på min återbetalning.",
                "Dålig kvalitet, den gick sönder efter en vecka.", "Fel vara levererades, mycket besviken.",
                "Kundtjänsten svarar inte, jag beställer inte igen.", "Appen kraschade vid betalningen.",
            ],
        ],
        "nl": [
            [
                "Snelle levering en goed verpakt, bedankt!", "Prima kwaliteit, ik bestel zeker opnieuw.",
                "Heel tevreden met mijn aankoop, precies zoals beschreven.",
                "De klantenservice was erg behulpzaam en vriendelijk.",
                "Mooi product voor een goede prijs.", "Alles perfect geregeld, een aanrader!",
            ],
            [
                "Het pakket kwam op dinsdag.", "Ik heb de zwarte versie besteld.", "Opgehaald bij het afhaalpunt.",
                "Tweede bestelling dit jaar.", "De maat klopt met de tabel.", "Betaald met iDEAL.",
            ],
            [
                "De levering was te laat en de doos was beschadigd.", "Ik wacht nog steeds op mijn terugbetaling.",
                "Slechte kwaliteit, na twee dagen kapot.", "Verkeerd artikel geleverd, erg teleurgesteld.",
                "De klantenservice reageert niet, ik bestel hier nooit meer.", "De app crashte bij het afrekenen.",
            ],
        ],
        "de": [
            [
                "Schnelle Lieferung und gut verpackt, danke!", "Tolle Qualität, ich bestelle gerne wieder.",
                "Sehr zufrieden mit dem Kauf, genau wie beschrieben.",
                "Der Kundenservice war sehr freundlich und hilfsbereit.",
                "Schönes Produkt zu einem fairen Preis.", "Alles hat perfekt geklappt, sehr empfehlenswert!",
            ],
            [
                "Das Paket kam am Dienstag.", "Ich habe die rote Variante bestellt.",
                "Die Lieferung war an der Packstation.",
                "Zweite Bestellung in diesem Jahr.", "Die Größe entspricht der Tabelle.", "Bezahlt per Rechnung.",
            ],
            [
                "Die Lieferung kam zu spät und der Karton war beschädigt.",
                "Ich warte immer noch auf meine Erstattung.",
                "Schlechte Qualität, nach zwei Tagen kaputt.", "Falscher Artikel geliefert, sehr enttäuschend.",
                "Der Kundenservice antwortet nicht, ich bestelle hier nie wieder.",
                "Die App ist beim Bezahlen abgestürzt.",
            ],
        ],
        "pl": [
            [
                "Szybka dostawa i dobrze zapakowane, dziękuję!", "Świetna jakość, na pewno zamówię ponownie.",
                "Jestem bardzo zadowolona z zakupu, zgodnie z opisem.", "Obsługa klienta była bardzo pomocna i miła.",
                "Ładny produkt w dobrej cenie.", "Wszystko super, polecam!",
            ],
            [
                "Paczka przyszła we wtorek.", "Zamówiłem wersję w kolorze szarym.", "Odebrałem paczkę w paczkomacie.",
                "Drugie zamówienie w tym roku.", "Rozmiar zgodny z tabelą.", "Zapłaciłem kartą.",
            ],
            [
                "Dostawa była spóźniona, a karton uszkodzony.", "Nadal czekam na zwrot pieniędzy.",
                "Słaba jakość, zepsuło się po dwóch dniach.", "Dostałem zły produkt, jestem bardzo rozczarowany.",
                "Obsługa klienta nie odpowiada, więcej nie zamówię.", "Aplikacja zawiesiła się przy płatności.",
            ],
        ],
    ]

    /// Second lines appended now and then, making a quoted field span two lines.
    static let followUps: [String: String] = [
        "en": "PS: please send the invoice by email.", "sv": "PS: skicka gärna fakturan via mejl.",
        "nl": "PS: stuur de factuur graag per e-mail.", "de": "PS: bitte die Rechnung per E-Mail schicken.",
        "pl": "PS: proszę przesłać fakturę mailem.",
    ]
}
