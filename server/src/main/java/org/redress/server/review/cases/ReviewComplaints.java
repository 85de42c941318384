package org.redress.server.review.cases;

import java.util.List;
import java.util.Optional;
import org.redress.server.review.ReviewComplaint;
import org.redress.server.shared.UploaderId;

/** Review's storage of complaints; an uploader's text and id and every reply are stored encrypted. */
public interface ReviewComplaints {

    /**
     * Stores a new complaint; an uploader's complaint brings its text and uploader.
     *
     * @return false when a complaint with that id exists already
     */
    boolean insert(ReviewComplaint complaint, Optional<UploaderId> uploader, Optional<String> text);

    Optional<ReviewComplaint> find(String id);

    /** The uploader's own words, for an uploader's complaint. */
    Optional<String> text(String id);

    /** The uploader who complained, for an uploader's complaint. */
    Optional<UploaderId> uploader(String id);

    /** Saves the owner and the answer under the complaint's version; false when it changed meanwhile. */
    boolean update(ReviewComplaint complaint);

    /** Unanswered complaints, the earliest target first. */
    List<ReviewComplaint> open(int limit);

    /** Answered complaints, the newest answer first. */
    List<ReviewComplaint> answered(int limit);
}
