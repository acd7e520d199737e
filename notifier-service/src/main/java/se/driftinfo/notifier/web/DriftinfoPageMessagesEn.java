package se.driftinfo.notifier.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** The /driftinfo page in English. */
@Localized("en")
public interface DriftinfoPageMessagesEn extends DriftinfoPageMessages {

    @Override
    @Message("EEE d MMM yyyy HH:mm")
    String datePattern();

    @Override
    @Message("Driftinfo – planned maintenance and outages")
    String title();

    @Override
    @Message("Planned maintenance and outages in the regions' IT systems.")
    String intro();

    @Override
    @Message("På svenska")
    String otherLanguage();

    @Override
    @Message("sv")
    String otherLanguageCode();

    @Override
    @Message("Current outages")
    String outagesHeading();

    @Override
    @Message("Outage")
    String outage();

    @Override
    @Message("Region")
    String region();

    @Override
    @Message("Systems")
    String systems();

    @Override
    @Message("Since")
    String since();

    @Override
    @Message("Status")
    String status();

    @Override
    @Message("Start your reserve routine for the affected systems.")
    String reserveRoutine();

    @Override
    @Message("No current outages.")
    String noOutages();

    @Override
    @Message("Coming maintenance")
    String upcomingHeading();

    @Override
    @Message("When")
    String when();

    @Override
    @Message("What")
    String what();

    @Override
    @Message("moved")
    String moved();

    @Override
    @Message("No planned maintenance in the coming weeks.")
    String noUpcoming();

    @Override
    @Message("Subscribe to the calendar")
    String calendarHeading();

    @Override
    @Message("Calendar")
    String calendar();

    @Override
    @Message("Address")
    String address();

    @Override
    @Message("Subscribe by e-mail")
    String mailHeading();

    @Override
    @Message("E-mail")
    String email();

    @Override
    @Message("Regions:")
    String regions();

    @Override
    @Message("Language")
    String language();

    @Override
    @Message("Subscribe")
    String subscribe();

    @Override
    @Message("You will get a mail in which you confirm the address.")
    String confirmByMail();

    @Override
    @Message("Confirm your address")
    String subscribedTitle();

    @Override
    @Message("Almost done")
    String subscribedHeading();

    @Override
    @Message("Something in the form needs correcting, see below.")
    String formHasErrors();

    @Override
    @Message("Enter an e-mail address, e.g. name@example.com.")
    String emailInvalid();

    @Override
    @Message("The address looks like it contains a Swedish personal identity number. Enter another address.")
    String emailPatientData();

    @Override
    @Message("Choose at least one region in the list.")
    String regionsInvalid();

    @Override
    @Message("Choose Swedish or English.")
    String languageInvalid();

    @Override
    @Message("We have sent a mail to {email}. Click the link in it to confirm the subscription.")
    String subscribedMessage(String email);

    @Override
    @Message("Back")
    String back();

    @Override
    @Message("All regions")
    String allRegions();

    @Override
    @Message("Show")
    String show();

    @Override
    @Message("{#when status}{#is 'INVESTIGATING'}Investigating{#is 'IDENTIFIED'}Cause identified"
            + "{#is 'MONITORING'}Fixed, monitoring{#is 'RESOLVED'}Resolved{#else}{status}{/when}")
    String outageStatus(String status);

    @Override
    @Message("Month view")
    String monthHeading();

    @Override
    @Message("LLLL yyyy")
    String monthPattern();

    @Override
    @Message("Calendar for {month} – {region}")
    String monthCaption(String month, String region);

    @Override
    @Message("Previous month ({month})")
    String previousMonth(String month);

    @Override
    @Message("Next month ({month})")
    String nextMonth(String month);

    @Override
    @Message("Week")
    String week();

    @Override
    @Message("today")
    String today();

    @Override
    @Message("Cancelled")
    String cancelled();

    @Override
    @Message("from {time}")
    String fromTime(String time);

    @Override
    @Message("until {time}")
    String untilTime(String time);

    @Override
    @Message("all day")
    String allDay();

    @Override
    @Message("since {time}")
    String sinceTime(String time);

    @Override
    @Message("ongoing")
    String ongoing();

    @Override
    @Message("No planned maintenance and no current outages in {month}.")
    String nothingInMonth(String month);
}
